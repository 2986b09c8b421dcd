package dev.firebreak.execution;

import dev.firebreak.execution.internal.ExecutionProperties;
import dev.firebreak.execution.internal.RunStore;
import dev.firebreak.execution.internal.SwitchStore;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAlert;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.UserAccounts;
import dev.firebreak.runbook.RiskClass;
import dev.firebreak.runbook.RunbookDocument;
import dev.firebreak.runbook.RunbookLibrary;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns an incident and a step into the exact script it would run, and checks who and how often. */
@Component
class RunPlanner {
    private static final int MAX_VALUE = 1000;
    private final RunbookLibrary library;
    private final Incidents incidents;
    private final SwitchStore services;
    private final RunStore runs;
    private final UserAccounts users;
    private final CommandRunner runner;
    private final ExecutionProperties properties;

    RunPlanner(
            RunbookLibrary library,
            Incidents incidents,
            SwitchStore services,
            RunStore runs,
            UserAccounts users,
            CommandRunner runner,
            ExecutionProperties properties) {
        this.library = library;
        this.incidents = incidents;
        this.services = services;
        this.runs = runs;
        this.users = users;
        this.runner = runner;
        this.properties = properties;
    }

    List<RunbookStep> steps(Incident incident) {
        return RunbookSteps.of(runbook(incident).model());
    }

    DryRun plan(Incident incident, String ref, Map<String, String> typed) {
        RunbookDocument runbook = runbook(incident);
        RunbookStep step = RunbookSteps.find(runbook.model(), ref)
                .orElseThrow(() -> new FirebreakException.NotFound(
                        "runbook " + runbook.slug() + " has no command " + ref + " (see the incident's steps)"));
        Map<String, String> values = values(incident, step, typed);
        CommandParameters.Rendered rendered;
        try {
            rendered = CommandParameters.render(step.code(), values);
        } catch (IllegalArgumentException refused) {
            throw new FirebreakException.BadInput("params", refused.getMessage());
        }
        String blocked = blocked(incident);
        return new DryRun(
                incident.id(),
                incident.service(),
                runbook.slug(),
                runbook.version().version(),
                step.ref(),
                rendered.script(),
                rendered.environment(),
                step.risk(),
                step.reasons(),
                step.gate(),
                runner.describe(),
                values,
                rendered.missing(),
                hash(runbook.slug() + "\n" + step.risk() + "\n" + rendered.script() + "\n"
                        + new java.util.TreeMap<>(rendered.environment())),
                step.codeHash(),
                blocked);
    }

    /** Viewers read; running and approving is for responders and admins (the API checks this too). */
    void requireRunner(String actor) {
        users.requireResponder(actor, "only responders and admins run or approve commands");
    }

    /** Refuses a run past the rate limit, or a changing run within the cooldown of the last one. */
    void checkLimits(DryRun plan, Instant now, String trigger) {
        // A route's diagnostics count apart, so a flapping alert cannot use up the responders' runs.
        List<CommandRun> recent =
                runs.recent(plan.service(), plan.step(), now.minus(properties.rateWindow()), "ROUTE".equals(trigger));
        if (recent.size() >= properties.rateLimit()) {
            Instant oldest = recent.getLast().requestedAt();
            throw new FirebreakException.TooSoon(
                    plan.step() + " ran " + recent.size() + " times for " + plan.service() + " in the last "
                            + properties.rateWindow().toMinutes() + " min, the most allowed",
                    Duration.between(now, oldest.plus(properties.rateWindow())).toSeconds());
        }
        if (plan.risk() != RiskClass.READ_ONLY && !recent.isEmpty()) {
            Instant last = recent.getFirst().requestedAt();
            Instant free = last.plus(properties.cooldown());
            if (now.isBefore(free)) {
                throw new FirebreakException.TooSoon(
                        plan.step() + " ran for " + plan.service() + " "
                                + Duration.between(last, now).toSeconds() + " s ago; it cools down for "
                                + properties.cooldown().toSeconds() + " s",
                        Duration.between(now, free).toSeconds());
            }
        }
    }

    /** An approved run may wait long after its request: at its start no other run of it may be fresh. */
    void checkCooldownAtStart(CommandRun run, Instant now) {
        if (run.risk() == RiskClass.READ_ONLY) {
            return;
        }
        runs.lastStarted(run.service(), run.step(), run.id(), now.minus(properties.cooldown()))
                .ifPresent(other -> {
                    Instant free = other.startedAt() == null
                            ? now.plus(properties.cooldown())
                            : other.startedAt().plus(properties.cooldown());
                    throw new FirebreakException.TooSoon(
                            "run " + other.id() + " of " + run.step() + " for " + run.service() + " is "
                                    + CommandRuns.word(other.state()) + " or started less than "
                                    + properties.cooldown().toSeconds() + " s ago; the approval holds, start it later",
                            Math.max(1, Duration.between(now, free).toSeconds()));
                });
    }

    private String blocked(Incident incident) {
        if (incident.service() == null || incident.service().isBlank()) {
            return "incident " + incident.id() + " has no service; commands run only for a service an admin enabled";
        }
        boolean enabled =
                services.find(incident.service()).map(s -> s.enabled()).orElse(false);
        return enabled
                ? null
                : "running commands is off for service " + incident.service() + "; an admin turns it on"
                        + " (firebreak execution enable " + incident.service() + ")";
    }

    /** Label values by name (or the admin's mapping), then annotations, then what the responder typed. */
    private Map<String, String> values(Incident incident, RunbookStep step, Map<String, String> typed) {
        var placeholders = CommandParameters.find(step.code());
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        for (IncidentAlert alert : incidents.details(incident.id()).alerts()) {
            alert.labels().forEach(labels::putIfAbsent);
            alert.annotations().forEach(annotations::putIfAbsent);
        }
        Map<String, String> values =
                new LinkedHashMap<>(CommandParameters.fromLabels(placeholders, annotations, properties.placeholders()));
        values.putAll(CommandParameters.fromLabels(placeholders, labels, properties.placeholders()));
        typed.forEach((name, value) -> {
            if (value == null || value.length() > MAX_VALUE || value.indexOf('\0') >= 0) {
                throw new FirebreakException.BadInput(
                        "params", "the value of " + name + " must be 1 to " + MAX_VALUE + " characters, without NUL");
            }
            values.put(CommandParameters.normalize(name.replaceAll("^[<${]+|[>}]+$", "")), value);
        });
        return values;
    }

    private RunbookDocument runbook(Incident incident) {
        if (incident.runbookSlug() == null) {
            throw new FirebreakException.Conflict("incident " + incident.id() + " has no runbook attached");
        }
        return library.get(incident.runbookSlug());
    }

    static String hash(String text) {
        return dev.firebreak.execution.internal.AuditLog.sha256(text);
    }
}
