package dev.firebreak.api;

import dev.firebreak.execution.CommandRun;
import dev.firebreak.execution.CommandRuns;
import dev.firebreak.execution.DryRun;
import dev.firebreak.execution.RunOutputs;
import dev.firebreak.execution.RunbookStep;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.web.EventStreams;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Runbook commands of an incident ({@code /api/v1/incidents/{id}/steps|runs}) and runs ({@code
 * /api/v1/runs/{id}}): dry run, run, approve, start an approved run, follow the output.
 */
@RestController
class ExecutionController {
    private static final Duration FOLLOW_LIMIT = Duration.ofMinutes(30);
    private final CommandRuns runs;
    private final RunOutputs outputs;

    ExecutionController(CommandRuns runs, RunOutputs outputs) {
        this.runs = runs;
        this.outputs = outputs;
    }

    /**
     * @param params placeholder values by name ({@code pod-name}, {@code NAMESPACE}); they override labels
     * @param confirm the responder's yes to a mutating step
     * @param scriptHash the dry run's: the run is refused if the command changed since
     */
    record RunBody(String step, Map<String, String> params, Boolean confirm, String scriptHash) {}

    record ApproveBody(String reason) {}

    @GetMapping("/api/v1/incidents/{id}/steps")
    List<RunbookStep> steps(@PathVariable long id) {
        return runs.steps(id);
    }

    @PostMapping("/api/v1/incidents/{id}/runs/dry-run")
    DryRun dryRun(@PathVariable long id, @RequestBody(required = false) RunBody body, Principal principal) {
        RunBody b = require(body);
        return runs.dryRun(id, b.step(), params(b), principal.getName());
    }

    @PostMapping("/api/v1/incidents/{id}/runs")
    @ResponseStatus(HttpStatus.CREATED)
    CommandRun run(@PathVariable long id, @RequestBody(required = false) RunBody body, Principal principal) {
        RunBody b = require(body);
        return runs.request(
                id, b.step(), params(b), principal.getName(), Boolean.TRUE.equals(b.confirm()), b.scriptHash());
    }

    @GetMapping("/api/v1/incidents/{id}/runs")
    List<CommandRun> list(@PathVariable long id) {
        return runs.forIncident(id);
    }

    @GetMapping("/api/v1/runs/{run}")
    CommandRun get(@PathVariable long run) {
        return runs.get(run);
    }

    @PostMapping("/api/v1/runs/{run}/approve")
    CommandRun approve(@PathVariable long run, @RequestBody(required = false) ApproveBody body, Principal principal) {
        return runs.approve(run, principal.getName(), body == null ? null : body.reason());
    }

    @PostMapping("/api/v1/runs/{run}/start")
    CommandRun start(@PathVariable long run, Principal principal) {
        return runs.start(run, principal.getName());
    }

    /** The output kept so far, as text. */
    @GetMapping(value = "/api/v1/runs/{run}/output", produces = MediaType.TEXT_PLAIN_VALUE)
    String output(@PathVariable long run) {
        return runs.output(run);
    }

    /**
     * The output as it comes: {@code output} events ({@code {"seq":n,"text":"…"}}) in order,
     * then one {@code end} event with the run. Followed on a virtual thread, never a request thread.
     */
    @GetMapping(value = "/api/v1/runs/{run}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter follow(@PathVariable long run) {
        runs.get(run);
        return EventStreams.start(
                "run-follow-" + run,
                FOLLOW_LIMIT,
                sink -> outputs.follow(run, RunOutputs.Watcher.events(sink::send), FOLLOW_LIMIT));
    }

    private static RunBody require(RunBody body) {
        if (body == null || body.step() == null || body.step().isBlank()) {
            throw new FirebreakException.BadInput("step", "the body needs step: a command of the incident's runbook");
        }
        return body;
    }

    private static Map<String, String> params(RunBody body) {
        return body.params() == null ? Map.of() : body.params();
    }
}
