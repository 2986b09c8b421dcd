package dev.firebreak.escalation.internal;

import static dev.firebreak.escalation.internal.EscalationTimers.STEP;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.EscalationState;
import dev.firebreak.escalation.Page;
import dev.firebreak.escalation.PageReason;
import dev.firebreak.escalation.PagesPlaced;
import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineDetail.EscalationEnded.Why;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Pages the first step from {@code step} on that finds somebody, going round the repeats. A step
 * that finds nobody is passed at once with a timeline note instead of waiting out its delay
 * (GoAlert #4548); a whole round of such steps stops paging.
 */
@Component
class StepRunner {
    private final EscalationStateStore states;
    private final TargetResolver targets;
    private final Incidents incidents;
    private final SchedulerClient scheduler;
    private final ApplicationEventPublisher events;

    StepRunner(
            EscalationStateStore states,
            TargetResolver targets,
            Incidents incidents,
            SchedulerClient scheduler,
            ApplicationEventPublisher events) {
        this.states = states;
        this.targets = targets;
        this.incidents = incidents;
        this.scheduler = scheduler;
        this.events = events;
    }

    void runFrom(
            StateRow row,
            EscalationPolicy policy,
            Incident incident,
            int step,
            int loop,
            PageReason reason,
            Instant now) {
        PolicyTier tier = Tiers.tierFor(policy, incident.severity());
        List<PolicyStep> steps = tier.steps();
        StateRow current = new StateRow(
                row.incidentId(),
                row.cycle(),
                policy.name(),
                tier.severity(),
                row.loop(),
                row.step(),
                row.seq(),
                row.status(),
                row.nextStepAt(),
                row.ackTimeoutAt());
        int skipped = 0;
        while (true) {
            if (step >= steps.size()) {
                if (loop >= policy.repeat()) {
                    end(
                            current,
                            steps.size() - 1,
                            loop,
                            Why.EXHAUSTED,
                            "escalation policy '" + policy.name() + "' exhausted; nobody acknowledged",
                            now);
                    return;
                }
                loop++;
                step = 0;
                if (reason == PageReason.STEP) {
                    reason = PageReason.REPEAT;
                }
            }
            if (skipped >= steps.size()) {
                end(
                        current,
                        step,
                        loop,
                        Why.NOBODY_ON_CALL,
                        "no step of escalation policy '" + policy.name() + "' found anybody to page; paging stopped",
                        now);
                return;
            }
            PolicyStep next = steps.get(step);
            TargetResolver.Resolution found = targets.resolve(next, policy.name(), incident.severity(), now);
            if (found.users().isEmpty()) {
                incidents.recordEscalation(
                        row.incidentId(),
                        "skipped step " + (step + 1) + " of '" + policy.name() + "': nobody to page ("
                                + String.join(", ", found.empty()) + ")",
                        new TimelineDetail.StepSkipped(policy.name(), step, loop, String.join(", ", found.empty())));
                skipped++;
                step++;
                continue;
            }
            page(current, step, loop, next, found, policy, reason, due(row, reason, now), now);
            return;
        }
    }

    private void page(
            StateRow row,
            int step,
            int loop,
            PolicyStep next,
            TargetResolver.Resolution found,
            EscalationPolicy policy,
            PageReason reason,
            Instant pageDue,
            Instant now) {
        Instant due = now.plus(next.delay());
        StateRow paged = row.bumped().with(EscalationState.ACTIVE, step, loop, due, null);
        states.put(paged, now);
        List<Page> pages = new ArrayList<>();
        for (Map.Entry<String, String> user : found.users().entrySet()) {
            pages.add(states.insertPage(paged, user.getKey(), user.getValue(), reason, pageDue, now));
        }
        // Notify writes its messages in this transaction (a plain listener): pages and messages commit together.
        events.publishEvent(new PagesPlaced(paged.incidentId(), paged.seq(), List.copyOf(pages)));
        List<String> users = List.copyOf(found.users().keySet());
        incidents.recordEscalation(
                row.incidentId(),
                "paged " + String.join(", ", users) + " (step " + (step + 1)
                        + (loop > 0 ? ", repeat " + loop : "") + " of '" + policy.name() + "'"
                        + (reason == PageReason.STEP || reason == PageReason.REPEAT ? "" : ", " + why(reason)) + ")",
                new TimelineDetail.Paged(policy.name(), step, loop, users, found.reached(), reason.name()));
        EscalationTimers.schedule(scheduler, STEP, paged.incidentId(), paged.seq(), due);
    }

    /**
     * When this page was due: a timer's step at the time it was scheduled for; the first step, and
     * anything a person asked for, now. Lateness is created minus due.
     */
    private static Instant due(StateRow row, PageReason reason, Instant now) {
        if ((reason == PageReason.STEP || reason == PageReason.REPEAT) && row.nextStepAt() != null) {
            return row.nextStepAt();
        }
        return now;
    }

    private void end(StateRow row, int step, int loop, Why why, String text, Instant now) {
        states.put(row.bumped().with(EscalationState.EXHAUSTED, Math.max(0, step), loop, null, null), now);
        incidents.recordEscalation(row.incidentId(), text, new TimelineDetail.EscalationEnded(row.policy(), why));
    }

    private static String why(PageReason reason) {
        return switch (reason) {
            case ESCALATE_NOW -> "escalated by hand";
            case ACK_TIMEOUT -> "ack timeout";
            default -> reason.name().toLowerCase();
        };
    }
}
