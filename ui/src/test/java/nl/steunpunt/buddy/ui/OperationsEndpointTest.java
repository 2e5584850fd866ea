package nl.steunpunt.buddy.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operations endpoints over real HTTP: health for anyone without details, Prometheus metrics
 * only for the monitoring credential (HTTP Basic) or an administrator's session; a coordinator's
 * session is refused. (Spring Boot's tests keep metrics export off unless told otherwise.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
class OperationsEndpointTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired MeterRegistry meters;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;

    @Test
    void prometheus_metrics_need_the_monitoring_credential() throws Exception {
        assertThat(fetch("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(fetch("/actuator/prometheus", "monitor:wrong").statusCode()).isEqualTo(401);
        assertThat(fetch("/actuator/prometheus", "admin:test-password").statusCode()).as("app accounts do not sign in with Basic")
                .isEqualTo(401);

        HttpResponse<String> scrape = fetch("/actuator/prometheus", "monitor:test-monitoring-secret");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("buddy_tasks_open{process=\"RecruitmentProcess\"", "buddy_jobs_due", "buddy_jobs_failed",
                "buddy_incidents_open", "buddy_process_instances_started_total", "buddy_process_instances_ended_total");
    }

    @Test
    void health_is_public_without_details_and_nothing_else_is_exposed() throws Exception {
        HttpResponse<String> health = fetch("/actuator/health", null);

        assertThat(health.statusCode()).as("UP, or DOWN while the test's mail port is closed").isIn(200, 503);
        assertThat(health.body()).matches("\\{\"status\":\"(UP|DOWN)\"}");
        assertThat(fetch("/actuator/env", "monitor:test-monitoring-secret").body()).doesNotContain("propertySources", "activeProfiles");
        assertThat(fetch("/actuator/beans", "monitor:test-monitoring-secret").body()).doesNotContain("\"beans\"", "dependencies");
        assertThat(fetch("/actuator", "monitor:test-monitoring-secret").body()).doesNotContain("/actuator/env", "/actuator/beans");
    }

    @Test
    void an_administrators_session_reads_the_metrics_and_a_coordinators_is_refused() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("buddy_incidents_open")));
        mvc.perform(get("/actuator/prometheus").with(user("coordinator.a").roles("COORDINATOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(user("manager.a").roles("MANAGER"))).andExpect(status().isForbidden());
    }

    @Test
    void started_and_ended_process_instances_are_counted() {
        String key = "MetricsTestProcess";
        String deployment = repositoryService.createDeployment().addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait").endEvent().done())
                .deploy().getId();
        try {
            String instance = runtimeService.startProcessInstanceByKey(key, Map.of()).getId();
            assertThat(count("buddy.process.instances.started", key)).isEqualTo(1);
            assertThat(count("buddy.process.instances.ended", key)).isZero();

            runtimeService.deleteProcessInstance(instance, "test");
            assertThat(count("buddy.process.instances.ended", key)).isEqualTo(1);
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    private double count(String name, String process) {
        var counter = meters.find(name).tag("process", process).counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<String> fetch(String path, String basic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (basic != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
