package nl.steunpunt.buddy.recruitment.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationViewRepository extends JpaRepository<ApplicationViewEntity, Long> {

    List<ApplicationViewEntity> findByApplicationIdOrderByViewedAtAsc(UUID applicationId);
}
