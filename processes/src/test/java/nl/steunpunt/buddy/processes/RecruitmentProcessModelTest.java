package nl.steunpunt.buddy.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecruitmentProcessModelTest {

    private final BpmnModelInstance model = read("processes/RecruitmentProcess.bpmn");

    @Test
    void every_element_constant_names_an_element_of_the_model() throws IllegalAccessException {
        assertThat(missingConstants(RecruitmentProcess.class, model)).isEmpty();
    }

    /** Every BPMN model of the programme with its class of ID constants. */
    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("processes/RecruitmentProcess.bpmn", RecruitmentProcess.class),
                Arguments.of("processes/TrainingProcess.bpmn", TrainingProcess.class),
                Arguments.of("processes/MatchingProcess.bpmn", MatchingProcess.class),
                Arguments.of("processes/SupportProcess.bpmn", SupportProcess.class),
                Arguments.of("processes/IntervisieProcess.bpmn", IntervisieProcess.class),
                Arguments.of("processes/ClosureProcess.bpmn", ClosureProcess.class),
                Arguments.of("processes/BuddyOffboardingProcess.bpmn", BuddyOffboardingProcess.class));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("models")
    void every_model_matches_its_constants_is_drawn_executable_and_keeps_history_for_a_while(String resource, Class<?> constants)
            throws ReflectiveOperationException {
        BpmnModelInstance bpmn = read(resource);
        assertThat(missingConstants(constants, bpmn)).isEmpty();

        Process process = bpmn.getModelElementById((String) constants.getField("PROCESS_ID").get(null));
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(process.getCamundaVersionTag()).isNotBlank();

        assertThat(bpmn.getModelElementsByType(BpmnDiagram.class)).hasSize(1);
        List<String> drawn = bpmn.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).toList();
        assertThat(drawn).containsAll(bpmn.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("models")
    void every_form_message_and_bean_of_a_model_is_a_constant_and_every_constant_is_used(String resource, Class<?> constants)
            throws IllegalAccessException {
        BpmnModelInstance bpmn = read(resource);
        String xml = Bpmn.convertToString(bpmn);

        List<String> formKeys = bpmn.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormKey).distinct().toList();
        assertThat(formKeys).containsExactlyInAnyOrderElementsOf(values(constants, "Forms"));

        List<String> messages = bpmn.getModelElementsByType(Message.class).stream().map(Message::getName).toList();
        assertThat(messages).containsExactlyInAnyOrderElementsOf(values(constants, "Messages"));

        List<String> delegates = bpmn.getModelElementsByType(ServiceTask.class).stream()
                .map(ServiceTask::getCamundaDelegateExpression).map(expression -> expression.replaceAll("^\\$\\{|\\}$", "")).toList();
        List<String> beans = values(constants, "Beans");
        assertThat(beans).containsAll(delegates);
        assertThat(beans).allSatisfy(bean -> assertThat(xml).as(bean).contains("${" + bean));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("models")
    void every_task_is_for_a_role_or_a_named_user_and_every_service_task_is_asynchronous_with_retries(String resource,
            Class<?> constants) {
        BpmnModelInstance bpmn = read(resource);
        assertThat(bpmn.getModelElementsByType(UserTask.class)).allSatisfy(task -> assertThat(
                task.getCamundaCandidateGroups() != null ^ task.getCamundaAssignee() != null).as(task.getId()).isTrue());
        assertThat(bpmn.getModelElementsByType(ServiceTask.class)).allSatisfy(task -> {
            assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
            assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).count())
                    .as(task.getId()).isEqualTo(1);
        });
    }

    private static List<String> values(Class<?> constants, String nested) throws IllegalAccessException {
        List<String> values = new ArrayList<>();
        for (Class<?> inner : constants.getDeclaredClasses()) {
            if (inner.getSimpleName().equals(nested)) {
                for (Field field : inner.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                        values.add((String) field.get(null));
                    }
                }
            }
        }
        return values;
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
