package nl.steunpunt.buddy.training.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "training_enrollment")
public class EnrollmentEntity {

    @Id
    @Column(name = "application_id")
    private UUID applicationId;

    @Column(name = "region_code", nullable = false, length = 32)
    private String regionCode;

    @Column(nullable = false, length = 40)
    private String track;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    protected EnrollmentEntity() {
    }

    public EnrollmentEntity(UUID applicationId, String regionCode, String track, Instant enrolledAt) {
        this.applicationId = applicationId;
        this.regionCode = regionCode;
        this.track = track;
        this.enrolledAt = enrolledAt;
    }

    public UUID applicationId() { return applicationId; }
    public String regionCode() { return regionCode; }
    public String track() { return track; }
    public Instant enrolledAt() { return enrolledAt; }
}
