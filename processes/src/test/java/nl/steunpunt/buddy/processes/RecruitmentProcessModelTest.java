package nl.steunpunt.buddy.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

class RecruitmentProcessModelTest {

    private final BpmnModelInstance model = read("processes/RecruitmentProcess.bpmn");

    @Test
    void every_element_constant_names_an_element_of_the_model() throws IllegalAccessException {
        assertThat(missingConstants(RecruitmentProcess.class, model)).isEmpty();
    }

    @Test
    void every_training_constant_names_an_element_of_the_training_model() throws IllegalAccessException {
        BpmnModelInstance training = read("processes/TrainingProcess.bpmn");
        assertThat(missingConstants(TrainingProcess.class, training)).isEmpty();
        assertThat(training.getModelElementsByType(BpmnDiagram.class)).hasSize(1);
        Process process = training.getModelElementById(TrainingProcess.PROCESS_ID);
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        List<String> drawn = training.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).toList();
        assertThat(drawn).containsAll(training.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList());
    }

    @Test
    void every_matching_constant_names_an_element_of_the_matching_model() throws IllegalAccessException {
        BpmnModelInstance matching = read("processes/MatchingProcess.bpmn");
        assertThat(missingConstants(MatchingProcess.class, matching)).isEmpty();
        Process process = matching.getModelElementById(MatchingProcess.PROCESS_ID);
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        List<String> drawn = matching.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).toList();
        assertThat(drawn).containsAll(matching.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList());
    }

    static List<String> missingConstants(Class<?> constants, BpmnModelInstance model) throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (Field field : constants.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String id = (String) field.get(null);
                if (model.getModelElementById(id) == null) {
                    missing.add(field.getName() + "=" + id);
                }
            }
        }
        return missing;
    }

    @Test
    void every_form_key_constant_is_used_by_a_user_task_and_every_user_task_uses_one() throws IllegalAccessException {
        List<String> formKeys = new ArrayList<>();
        for (Field field : RecruitmentProcess.Forms.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                formKeys.add((String) field.get(null));
            }
        }
        List<String> used = model.getModelElementsByType(UserTask.class).stream()
                .map(UserTask::getCamundaFormKey).toList();
        assertThat(used).containsExactlyInAnyOrderElementsOf(formKeys);
    }

    @Test
    void the_process_sets_a_history_time_to_live_and_is_executable() {
        Process process = model.getModelElementById(RecruitmentProcess.PROCESS_ID);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }

    @Test
    void every_flow_node_has_a_shape_in_the_diagram_so_it_opens_in_the_modeler() {
        assertThat(model.getModelElementsByType(BpmnDiagram.class)).hasSize(1);
        List<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).toList();
        List<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList();
        assertThat(drawn).containsAll(nodes);
    }

    @Test
    void every_user_task_is_scoped_to_a_role_in_the_case_region() {
        assertThat(model.getModelElementsByType(UserTask.class))
                .allSatisfy(task -> assertThat(task.getCamundaCandidateGroups()).matches("(coordinator|manager)-\\$\\{regionCode\\}"));
        UserTask escalation = model.getModelElementById(RecruitmentProcess.TASK_DISCUSS_OVERDUE_SCREENING);
        assertThat(escalation.getCamundaCandidateGroups()).isEqualTo("manager-${regionCode}");
    }

    @Test
    void every_service_task_is_asynchronous_with_a_retry_cycle() {
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ServiceTask.class)).allSatisfy(task -> {
            assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
            assertThat(task.getExtensionElements().getElementsQuery()
                    .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle.class).count())
                    .as(task.getId()).isEqualTo(1);
        });
    }

    static BpmnModelInstance read(String resource) {
        InputStream in = RecruitmentProcessModelTest.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource + " on the class path").isNotNull();
        return Bpmn.readModelFromStream(in);
    }
}
