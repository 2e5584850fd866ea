package nl.steunpunt.buddy.workflow.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseNoteRepository extends JpaRepository<CaseNoteEntity, Long> {

    List<CaseNoteEntity> findByCaseReferenceOrderByCreatedAtAsc(String caseReference);
}
