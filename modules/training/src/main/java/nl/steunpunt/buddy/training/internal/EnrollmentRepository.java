package nl.steunpunt.buddy.training.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EnrollmentRepository extends JpaRepository<EnrollmentEntity, UUID> {
}
