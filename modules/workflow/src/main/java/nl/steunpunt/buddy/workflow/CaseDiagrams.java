package nl.steunpunt.buddy.workflow;

import java.util.List;

/**
 * The processes of a case drawn on their BPMN models, for the coordinator of the case's region and
 * for administrators; anyone else is refused. Every reading is logged.
 */
public interface CaseDiagrams {

    /** Every process the case ran or runs (recruitment, training; matching, support, closure…), newest first. */
    List<CaseDiagram> of(String caseReference);
}
