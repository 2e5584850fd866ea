/**
 * The BPMN and DMN models of the programme and one class of ID constants per model. The models are
 * deployed by the engine in the workflow module; nothing here depends on the engine at run time.
 */
package nl.steunpunt.buddy.processes;
