package dev.firebreak.escalation.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.escalation.StepTarget;
import dev.firebreak.escalation.StoredPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Policies with their tiers, steps and targets; a save replaces the children in the caller's transaction. */
@Repository
public class PolicyStore {
    private final JdbcClient jdbc;

    PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates or replaces the policy; returns its new version. */
    public int save(EscalationPolicy policy, String actor, Instant now) {
        Optional<Long> existing = jdbc.sql("select id from escalation_policies where name = ? for update")
                .param(policy.name())
                .query(Long.class)
                .optional();
        long id;
        if (existing.isPresent()) {
            id = existing.get();
            jdbc.sql("update escalation_policies set description = ?, repeat_count = ?, ack_timeout_seconds = ?,"
                            + " runbook_slug = ?, version = version + 1, updated_at = ?, updated_by = ? where id = ?")
                    .params(
                            policy.description(),
                            policy.repeat(),
                            seconds(policy.ackTimeout()),
                            policy.runbookSlug(),
                            utc(now),
                            actor,
                            id)
                    .update();
            jdbc.sql("delete from escalation_tiers where policy_id = ?")
                    .param(id)
                    .update();
        } else {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into escalation_policies (name, description, repeat_count, ack_timeout_seconds,"
                            + " runbook_slug, version, updated_at, updated_by) values (?, ?, ?, ?, ?, 1, ?, ?)")
                    .params(
                            policy.name(),
                            policy.description(),
                            policy.repeat(),
                            seconds(policy.ackTimeout()),
                            policy.runbookSlug(),
                            utc(now),
                            actor)
                    .update(keys, "id");
            id = keys.getKey().longValue();
        }
        for (int t = 0; t < policy.tiers().size(); t++) {
            PolicyTier tier = policy.tiers().get(t);
            GeneratedKeyHolder tierKey = new GeneratedKeyHolder();
            jdbc.sql("insert into escalation_tiers (policy_id, tier_index, severity, response_target_seconds)"
                            + " values (?, ?, ?, ?)")
                    .params(id, t, tier.severity(), seconds(tier.responseTarget()))
                    .update(tierKey, "id");
            long tierId = tierKey.getKey().longValue();
            for (int s = 0; s < tier.steps().size(); s++) {
                PolicyStep step = tier.steps().get(s);
                GeneratedKeyHolder stepKey = new GeneratedKeyHolder();
                jdbc.sql("insert into escalation_steps (tier_id, step_index, delay_seconds) values (?, ?, ?)")
                        .params(tierId, s, seconds(step.delay()))
                        .update(stepKey, "id");
                long stepId = stepKey.getKey().longValue();
                for (int g = 0; g < step.targets().size(); g++) {
                    StepTarget target = step.targets().get(g);
                    jdbc.sql("insert into escalation_step_targets (step_id, target_index, kind, name)"
                                    + " values (?, ?, ?, ?)")
                            .params(stepId, g, target.kind().name(), target.name())
                            .update();
                }
            }
        }
        return jdbc.sql("select version from escalation_policies where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    public Optional<StoredPolicy> find(String name) {
        return load("where p.name = ?", name).stream().findFirst();
    }

    public List<StoredPolicy> list() {
        return load("", null);
    }

    public boolean delete(String name) {
        return jdbc.sql("delete from escalation_policies where name = ?")
                        .param(name)
                        .update()
                == 1;
    }

    /** Names of the other policies whose steps page this one. */
    public List<String> referencing(String name) {
        return jdbc.sql("select distinct p.name from escalation_policies p"
                        + " join escalation_tiers t on t.policy_id = p.id"
                        + " join escalation_steps s on s.tier_id = t.id"
                        + " join escalation_step_targets g on g.step_id = s.id"
                        + " where g.kind = 'POLICY' and g.name = ? and p.name <> ? order by p.name")
                .params(name, name)
                .query(String.class)
                .list();
    }

    private List<StoredPolicy> load(String where, String name) {
        record Head(
                long id,
                String name,
                String description,
                int repeat,
                Long ackTimeout,
                String slug,
                int version,
                Instant updatedAt,
                String updatedBy) {}
        var query = jdbc.sql("select * from escalation_policies p " + where + " order by p.name");
        if (name != null) {
            query = query.param(name);
        }
        List<Head> heads = query.query((rs, n) -> {
                    long ack = rs.getLong("ack_timeout_seconds");
                    Long ackTimeout = rs.wasNull() ? null : ack;
                    return new Head(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getString("description"),
                            rs.getInt("repeat_count"),
                            ackTimeout,
                            rs.getString("runbook_slug"),
                            rs.getInt("version"),
                            instant(rs, "updated_at"),
                            rs.getString("updated_by"));
                })
                .list();
        List<StoredPolicy> policies = new ArrayList<>();
        for (Head head : heads) {
            policies.add(new StoredPolicy(
                    new EscalationPolicy(
                            head.name(),
                            head.description(),
                            head.repeat(),
                            head.ackTimeout() == null ? null : Duration.ofSeconds(head.ackTimeout()),
                            tiers(head.id()),
                            head.slug()),
                    head.version(),
                    head.updatedAt(),
                    head.updatedBy(),
                    List.of()));
        }
        return policies;
    }

    private List<PolicyTier> tiers(long policyId) {
        record Row(
                long tierId, String severity, Long responseTarget, Long stepId, long delay, String kind, String name) {}
        List<Row> rows = jdbc.sql("select t.id tier_id, t.severity, t.response_target_seconds, s.id step_id,"
                        + " s.delay_seconds, g.kind, g.name from escalation_tiers t"
                        + " left join escalation_steps s on s.tier_id = t.id"
                        + " left join escalation_step_targets g on g.step_id = s.id"
                        + " where t.policy_id = ? order by t.tier_index, s.step_index, g.target_index")
                .param(policyId)
                .query((rs, n) -> {
                    long target = rs.getLong("response_target_seconds");
                    Long responseTarget = rs.wasNull() ? null : target;
                    long step = rs.getLong("step_id");
                    Long stepId = rs.wasNull() ? null : step;
                    return new Row(
                            rs.getLong("tier_id"),
                            rs.getString("severity"),
                            responseTarget,
                            stepId,
                            rs.getLong("delay_seconds"),
                            rs.getString("kind"),
                            rs.getString("name"));
                })
                .list();
        Map<Long, Row> tierHeads = new LinkedHashMap<>();
        Map<Long, Map<Long, List<Row>>> steps = new LinkedHashMap<>();
        for (Row row : rows) {
            tierHeads.putIfAbsent(row.tierId(), row);
            var tierSteps = steps.computeIfAbsent(row.tierId(), k -> new LinkedHashMap<>());
            if (row.stepId() != null) {
                var targets = tierSteps.computeIfAbsent(row.stepId(), k -> new ArrayList<>());
                if (row.kind() != null) {
                    targets.add(row);
                }
            }
        }
        List<PolicyTier> tiers = new ArrayList<>();
        for (var head : tierHeads.values()) {
            List<PolicyStep> tierSteps = new ArrayList<>();
            for (List<Row> targets : steps.get(head.tierId()).values()) {
                tierSteps.add(new PolicyStep(
                        targets.stream()
                                .map(r -> new StepTarget(StepTarget.Kind.valueOf(r.kind()), r.name()))
                                .toList(),
                        Duration.ofSeconds(
                                targets.isEmpty() ? 0 : targets.getFirst().delay())));
            }
            tiers.add(new PolicyTier(
                    head.severity(),
                    head.responseTarget() == null ? null : Duration.ofSeconds(head.responseTarget()),
                    List.copyOf(tierSteps)));
        }
        return List.copyOf(tiers);
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
