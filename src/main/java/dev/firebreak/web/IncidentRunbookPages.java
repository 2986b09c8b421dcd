package dev.firebreak.web;

import dev.firebreak.execution.Checklists;
import dev.firebreak.execution.CommandRuns;
import dev.firebreak.execution.RunOutputs;
import dev.firebreak.execution.Triage;
import dev.firebreak.incident.TimelineDetail.ChecklistChanged.Change;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.web.EventStreams;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The runbook panel's forms: run a command, approve or start a run, change a checklist step, finish a walk. */
@Controller
class IncidentRunbookPages {
    private static final java.time.Duration FOLLOW_LIMIT = java.time.Duration.ofMinutes(30);
    private final CommandRuns runs;
    private final Checklists checklists;
    private final Triage triage;
    private final RunOutputs outputs;

    IncidentRunbookPages(CommandRuns runs, Checklists checklists, Triage triage, RunOutputs outputs) {
        this.outputs = outputs;
        this.runs = runs;
        this.checklists = checklists;
        this.triage = triage;
    }

    /** Runs {@code step}; parameters come as {@code param.NAME} fields, the confirmation as a checkbox. */
    @PostMapping("/incidents/{id}/runs")
    String run(
            @PathVariable long id,
            @RequestParam String step,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) String scriptHash,
            @RequestParam Map<String, String> form,
            Principal user,
            RedirectAttributes redirect) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("param.") && v != null && !v.isBlank()) {
                params.put(k.substring("param.".length()), v);
            }
        });
        return act(id, "runs", redirect, () -> {
            var run = runs.request(id, step, params, user.getName(), confirm, scriptHash);
            return run.state().name().equals("AWAITING_APPROVAL")
                    ? "Run " + run.id() + " waits for a second person's approval."
                    : "Run " + run.id() + " started.";
        });
    }

    /** The kept output, for the panel's script to show under an ended run. */
    @GetMapping(value = "/incidents/{id}/runs/{run}/output", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    String output(@PathVariable long id, @PathVariable long run) {
        owned(id, run);
        return runs.output(run);
    }

    /** The output as it comes, as the API's stream, for the page's live view. */
    @GetMapping(value = "/incidents/{id}/runs/{run}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(@PathVariable long id, @PathVariable long run) {
        owned(id, run);
        return EventStreams.start(
                "page-follow-" + run,
                FOLLOW_LIMIT,
                sink -> outputs.follow(run, RunOutputs.Watcher.events(sink::send), FOLLOW_LIMIT));
    }

    private void owned(long id, long run) {
        if (runs.get(run).incidentId() != id) {
            throw new FirebreakException.NotFound("incident " + id + " has no run " + run);
        }
    }

    @PostMapping("/incidents/{id}/runs/{run}/approve")
    String approve(
            @PathVariable long id,
            @PathVariable long run,
            @RequestParam(required = false) String reason,
            Principal user,
            RedirectAttributes redirect) {
        return act(id, "runs", redirect, () -> {
            runs.approve(run, user.getName(), reason);
            return "Run " + run + " approved.";
        });
    }

    @PostMapping("/incidents/{id}/runs/{run}/start")
    String start(@PathVariable long id, @PathVariable long run, Principal user, RedirectAttributes redirect) {
        return act(id, "runs", redirect, () -> {
            runs.start(run, user.getName());
            return "Run " + run + " started.";
        });
    }

    @PostMapping("/incidents/{id}/checklist/{procedure}/{step}")
    String checklist(
            @PathVariable long id,
            @PathVariable String procedure,
            @PathVariable int step,
            @RequestParam String change,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String assignee,
            Principal user,
            RedirectAttributes redirect) {
        redirect.addAttribute("procedure", procedure);
        return act(id, "procedure", redirect, () -> {
            Change parsed;
            try {
                parsed = Change.valueOf(change.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FirebreakException.BadInput("change", "change must be done, skipped, assigned or reopened");
            }
            checklists.change(id, procedure, step, parsed, reason, assignee, user.getName());
            return "Step " + step + " " + parsed.name().toLowerCase(Locale.ROOT) + ".";
        });
    }

    /** The walker's last answer: records the path and opens the procedure it led to. */
    @PostMapping("/incidents/{id}/triage")
    String triage(@PathVariable long id, @RequestParam String path, Principal user, RedirectAttributes redirect) {
        String[] target = {null};
        String view = act(id, "procedure", redirect, () -> {
            List<Integer> answers;
            try {
                answers =
                        Arrays.stream(path.split("\\.")).map(Integer::parseInt).toList();
            } catch (NumberFormatException e) {
                throw new FirebreakException.BadInput("path", "path must be answers such as 0.1");
            }
            var walk = triage.record(id, 0, answers, user.getName());
            target[0] = walk.target();
            return "Triage: " + walk.text();
        });
        if (target[0] != null) {
            redirect.addAttribute("procedure", target[0]);
        }
        return view;
    }

    private static String act(long id, String anchor, RedirectAttributes redirect, Supplier<String> action) {
        return Flash.thenOr404(redirect, "/incidents/" + id + "#" + anchor, action);
    }
}
