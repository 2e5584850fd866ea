package nl.steunpunt.buddy.recruitment.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One view of an application's case file: who, which, when. */
@Entity
@Table(name = "application_view_log")
public class ApplicationViewEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Column(name = "viewed_by", nullable = false, length = 100)
    private String viewedBy;

    @Column(name = "viewed_at", nullable = false)
    private Instant viewedAt;

    protected ApplicationViewEntity() {
    }

    public ApplicationViewEntity(UUID applicationId, String viewedBy, Instant viewedAt) {
        this.applicationId = applicationId;
        this.viewedBy = viewedBy;
        this.viewedAt = viewedAt;
    }

    public UUID applicationId() { return applicationId; }
    public String viewedBy() { return viewedBy; }
    public Instant viewedAt() { return viewedAt; }
}
