package nl.steunpunt.buddy.recruitment.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import nl.steunpunt.buddy.recruitment.ApplicationStatus;

public interface ApplicationRepository extends JpaRepository<ApplicationEntity, UUID>, JpaSpecificationExecutor<ApplicationEntity> {

    @Query(value = "SELECT nextval('buddy_application_reference_seq')", nativeQuery = true)
    long nextReferenceNumber();

    Optional<ApplicationEntity> findBySubmissionKey(UUID submissionKey);

    /** Holds the application's row until the transaction ends. */
    @Query(value = "SELECT id FROM buddy_application WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<UUID> lockById(UUID id);

    @Query("select count(a) > 0 from ApplicationEntity a where lower(a.email) = lower(:email) and a.status not in :closed")
    boolean hasOpenApplication(String email, Collection<ApplicationStatus> closed);
}
