package nl.steunpunt.buddy.recruitment.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<ApplicationEntity, UUID> {

    @Query(value = "SELECT nextval('buddy_application_reference_seq')", nativeQuery = true)
    long nextReferenceNumber();

    long countByRegionCode(String regionCode);
}
