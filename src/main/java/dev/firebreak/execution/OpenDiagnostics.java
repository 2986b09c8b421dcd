package dev.firebreak.execution;

import dev.firebreak.alert.RouteMatch;
import dev.firebreak.alert.RoutingConfigs;
import dev.firebreak.execution.internal.RunStore;
import dev.firebreak.execution.internal.SwitchStore;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.IncidentsOpened;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RiskClass;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookModel;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * When an incident opens whose route says {@code diagnostics: true} (or whose service's switch has
 * diagnostics on), and its service may run commands, its runbook's read-only diagnostic steps
 * (the seeds' "Initial Assessment" and "Immediate Diagnostics" blocks) are queued as the product's
 * runs, so their output is on the timeline before anybody logs in. A retried event queues nothing twice.
 */
@Component
class OpenDiagnostics {
    private static final Logger log = LoggerFactory.getLogger(OpenDiagnostics.class);
    static final int MAX_STEPS = 5;
    private static final Pattern DIAGNOSTIC =
            Pattern.compile("assessment|diagnos|health[ -]?check|triage|investigat", Pattern.CASE_INSENSITIVE);

    private final CommandRuns commands;
    private final SwitchStore services;
    private final RunStore runs;
    private final Incidents incidents;
    private final RunbookLibrary library;
    private final RoutingConfigs routing;

    OpenDiagnostics(
            CommandRuns commands,
            SwitchStore services,
            RunStore runs,
            Incidents incidents,
            RunbookLibrary library,
            RoutingConfigs routing) {
        this.routing = routing;
        this.commands = commands;
        this.services = services;
        this.runs = runs;
        this.incidents = incidents;
        this.library = library;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncidentsOpened event) {
        for (IncidentOpened opened : event.opened()) {
            if (opened.reopened()) {
                continue;
            }
            Incident incident = incidents.get(opened.incidentId());
            if (incident.service() == null || incident.runbookSlug() == null) {
                continue;
            }
            var switched = services.find(incident.service());
            boolean enabled = switched.map(s -> s.enabled()).orElse(false);
            if (!enabled || !(switched.get().diagnostics() || routeAsks(incident))) {
                continue;
            }
            List<String> done = runs.forIncident(incident.id()).stream()
                    .filter(r -> "ROUTE".equals(r.trigger()))
                    .map(CommandRun::step)
                    .toList();
            for (RunbookStep step :
                    diagnosticSteps(library.get(incident.runbookSlug()).model())) {
                if (done.contains(step.ref())) {
                    continue;
                }
                try {
                    commands.diagnose(incident.id(), step.ref());
                } catch (FirebreakException refused) {
                    // a placeholder nobody can fill, a rate limit: the responder runs it by hand
                    log.info(
                            "diagnostic {} for incident {} not run: {}",
                            step.ref(),
                            incident.id(),
                            refused.getMessage());
                }
            }
        }
    }

    /** The incident's route (matched again by its first alert's labels) says {@code diagnostics: true}. */
    private boolean routeAsks(Incident incident) {
        var alerts = incidents.details(incident.id()).alerts();
        if (alerts.isEmpty()) {
            return false;
        }
        return routing.test(alerts.getFirst().labels(), null).stream()
                .filter(m -> incident.route() == null || m.route().equals(incident.route()))
                .anyMatch(RouteMatch::diagnostics);
    }

    /** Read-only steps in diagnostic sections or procedure steps, without placeholders, at most five. */
    static List<RunbookStep> diagnosticSteps(RunbookModel model) {
        List<String> diagnosticCode = model.procedures().stream()
                .flatMap(p -> p.steps().stream())
                .filter(s -> DIAGNOSTIC.matcher(s.text()).find())
                .flatMap(s -> s.commands().stream())
                .toList();
        List<String> diagnosticSections = sections(model.sections()).stream()
                .filter(s -> "diagnosis".equals(s.kind())
                        || DIAGNOSTIC.matcher(s.title()).find())
                .map(RunbookModel.Section::anchor)
                .toList();
        return RunbookSteps.of(model).stream()
                .filter(s -> s.risk() == RiskClass.READ_ONLY && s.placeholders().isEmpty())
                .filter(s -> diagnosticCode.contains(s.code()) || diagnosticSections.contains(s.section()))
                .limit(MAX_STEPS)
                .toList();
    }

    private static List<RunbookModel.Section> sections(List<RunbookModel.Section> roots) {
        return roots.stream()
                .flatMap(s ->
                        java.util.stream.Stream.concat(java.util.stream.Stream.of(s), sections(s.children()).stream()))
                .toList();
    }
}
