package nl.steunpunt.buddy.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.ProcessHeatmap;
import nl.steunpunt.buddy.workflow.ProcessHeatmap.ActivityWait;
import nl.steunpunt.buddy.workflow.ProcessHeatmap.Figures;
import nl.steunpunt.buddy.workflow.ProcessInsight;

/**
 * {@link ProcessInsight} by one aggregate query on the engine's activity history: count, average and
 * 90th percentile of the durations of waiting activities per activity ID, for instances of the
 * caller's regions (the {@code regionCode} variable every process carries).
 */
@Service
@Transactional(readOnly = true)
class CamundaProcessInsight implements ProcessInsight {

    /** The activity types in which a case waits for a person or for time. */
    static final Set<String> WAITING_TYPES = Set.of("userTask", "receiveTask", "intermediateTimer",
            "intermediateMessageCatch", "intermediateSignalCatch", "intermediateConditional");
    private static final long MAX_PERIOD_DAYS = 3660;

    private final RepositoryService repositoryService;
    private final CurrentActor currentActor;
    private final JdbcClient db;
    private final Clock clock;

    CamundaProcessInsight(RepositoryService repositoryService, CurrentActor currentActor, JdbcClient db, Clock clock) {
        this.repositoryService = repositoryService;
        this.currentActor = currentActor;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<ProcessModel> models() {
        requireReader();
        return Arrays.stream(Phase.values()).map(phase -> latest(phase.processKey()))
                .flatMap(Optional::stream)
                .map(definition -> new ProcessModel(definition.getKey(), nameOf(definition)))
                .toList();
    }

    @Override
    public ProcessHeatmap heatmap(String processKey, LocalDate from, LocalDate to) {
        Actor actor = requireReader();
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
            throw new InvalidInputException("error.insight.period");
        }
        if (processKey == null || Phase.ofProcess(processKey).isEmpty()) {
            throw new InvalidInputException("error.insight.model");
        }
        ProcessDefinition definition = latest(processKey).orElseThrow(() -> new InvalidInputException("error.insight.model"));
        Timestamp start = Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        boolean allRegions = actor.hasRole(Role.ADMIN);
        Set<String> regions = actor.regions().stream().map(RegionCode::value).collect(Collectors.toSet());
        if (!allRegions && regions.isEmpty()) {
            return new ProcessHeatmap(processKey, nameOf(definition), xmlOf(definition.getId()), List.of());
        }
        String regionFilter = allRegions ? "" : """
                 AND EXISTS (SELECT 1 FROM act_hi_varinst v WHERE v.proc_inst_id_ = a.proc_inst_id_
                             AND v.name_ = :regionVariable AND v.text_ IN (:regions))""";
        var query = db.sql("""
                SELECT a.act_id_ AS activity_id, MAX(a.act_name_) AS name, MAX(a.act_type_) AS type, COUNT(*) AS n,
                       AVG(a.duration_) AS average_ms,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY a.duration_) AS p90_ms
                  FROM act_hi_actinst a
                 WHERE a.proc_def_key_ = :key AND a.end_time_ >= :start AND a.end_time_ < :end
                   AND a.duration_ IS NOT NULL AND a.act_type_ IN (:types)""" + regionFilter + """

                 GROUP BY a.act_id_""")
                .param("key", processKey).param("start", start).param("end", end).param("types", WAITING_TYPES);
        if (!allRegions) {
            query = query.param("regionVariable", CamundaWorkItems.REGION_VARIABLE).param("regions", regions);
        }
        List<ActivityWait> waits = query.query((rs, row) -> {
            long count = rs.getLong("n");
            Optional<Figures> figures = count < ProcessHeatmap.MINIMUM_COUNT ? Optional.empty()
                    : Optional.of(new Figures(count, Duration.ofMillis(Math.round(rs.getDouble("average_ms"))),
                            Duration.ofMillis(Math.round(rs.getDouble("p90_ms")))));
            String name = rs.getString("name");
            return new ActivityWait(rs.getString("activity_id"), name == null ? rs.getString("activity_id") : name,
                    rs.getString("type"), figures);
        }).list();
        List<ActivityWait> sorted = waits.stream()
                .sorted(Comparator.comparing((ActivityWait w) -> w.figures().map(Figures::average).orElse(Duration.ZERO)).reversed()
                        .thenComparing(ActivityWait::activityId))
                .toList();
        return new ProcessHeatmap(processKey, nameOf(definition), xmlOf(definition.getId()), sorted);
    }

    private Actor requireReader() {
        Actor actor = currentActor.require();
        if (!actor.hasRole(Role.MANAGER) && !actor.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        return actor;
    }

    private Optional<ProcessDefinition> latest(String key) {
        return Optional.ofNullable(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult());
    }

    private static String nameOf(ProcessDefinition definition) {
        return definition.getName() == null ? definition.getKey() : definition.getName();
    }

    private String xmlOf(String definitionId) {
        try (InputStream in = repositoryService.getProcessModel(definitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
