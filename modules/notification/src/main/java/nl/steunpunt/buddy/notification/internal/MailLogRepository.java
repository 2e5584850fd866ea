package nl.steunpunt.buddy.notification.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MailLogRepository extends JpaRepository<MailLogEntity, Long> {

    /** Newest first; offset and limit as a lazy grid asks for them, not necessarily page-aligned. */
    @Query(value = "SELECT * FROM mail_log ORDER BY queued_at DESC, id DESC OFFSET :offset LIMIT :limit", nativeQuery = true)
    List<MailLogEntity> findRecent(@Param("offset") int offset, @Param("limit") int limit);

    /** Replaces recipient and body (and forgets the last SMTP error, which may quote the address) of the case's mails of these templates; the subject names only the reference. */
    @Modifying
    @Query(value = "UPDATE mail_log SET recipient = :anonymised, body = :anonymised, last_error = NULL WHERE case_reference = :reference "
            + "AND template IN (:templates)", nativeQuery = true)
    int anonymise(@Param("reference") String caseReference, @Param("templates") List<String> templates,
            @Param("anonymised") String anonymised);
}
