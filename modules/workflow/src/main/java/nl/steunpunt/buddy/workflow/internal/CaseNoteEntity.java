package nl.steunpunt.buddy.workflow.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A note on a case, kept outside the engine so it follows the case's own retention rule. */
@Entity
@Table(name = "case_note")
class CaseNoteEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_reference", nullable = false, length = 64)
    private String caseReference;

    @Column(name = "region_code", nullable = false, length = 32)
    private String regionCode;

    @Column(name = "task_id", length = 64)
    private String taskId;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(nullable = false, length = 2000)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CaseNoteEntity() {
    }

    CaseNoteEntity(String caseReference, String regionCode, String taskId, String author, String text, Instant createdAt) {
        this.caseReference = caseReference;
        this.regionCode = regionCode;
        this.taskId = taskId;
        this.author = author;
        this.text = text;
        this.createdAt = createdAt;
    }

    String author() { return author; }
    String text() { return text; }
    Instant createdAt() { return createdAt; }
}
