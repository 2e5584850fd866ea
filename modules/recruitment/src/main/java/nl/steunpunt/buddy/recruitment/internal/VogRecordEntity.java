package nl.steunpunt.buddy.recruitment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A line of the VOG register. */
@Entity
@Table(name = "vog_record")
public class VogRecordEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Column(name = "seen_on", nullable = false)
    private LocalDate seenOn;

    @Column(name = "seen_by", nullable = false, length = 100)
    private String seenBy;

    @Column(name = "certificate_date", nullable = false)
    private LocalDate certificateDate;

    @Column(nullable = false)
    private boolean valid;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected VogRecordEntity() {
    }

    public VogRecordEntity(UUID applicationId, LocalDate seenOn, String seenBy, LocalDate certificateDate, boolean valid,
            Instant recordedAt) {
        this.applicationId = applicationId;
        this.seenOn = seenOn;
        this.seenBy = seenBy;
        this.certificateDate = certificateDate;
        this.valid = valid;
        this.recordedAt = recordedAt;
    }

    public LocalDate seenOn() { return seenOn; }
    public String seenBy() { return seenBy; }
    public LocalDate certificateDate() { return certificateDate; }
    public boolean valid() { return valid; }
    public Instant recordedAt() { return recordedAt; }
}
