package nl.steunpunt.buddy.recruitment.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface VogRecordRepository extends JpaRepository<VogRecordEntity, Long> {

    List<VogRecordEntity> findByApplicationIdOrderByRecordedAtAsc(UUID applicationId);
}
