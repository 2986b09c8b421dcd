package dev.firebreak.postmortem;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentCycle;
import dev.firebreak.incident.IncidentDetails;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.runbook.RunbookModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first text of a postmortem: facts and the timeline from the incident's typed record, the
 * sections a review fills in, and the runbook's own postmortem templates where it has them (seed
 * 001's "Action Items Template" replaces the built-in action items section).
 */
final class PostmortemDrafts {
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final List<String> SECTIONS = List.of(
            "Summary",
            "Impact",
            "Timeline",
            "Root Cause",
            "Contributing Factors",
            "What Went Well",
            "What Went Badly",
            "Action Items");

    private PostmortemDrafts() {}

    static String title(Incident incident) {
        return "Postmortem: " + oneLine(incident.title());
    }

    static String markdown(IncidentDetails details, RunbookModel runbook) {
        Incident incident = details.incident();
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("Summary", "_What happened and why, in two or three sentences, for someone who was not there._\n");
        sections.put("Impact", impact(details));
        sections.put("Timeline", timeline(details.timeline()));
        sections.put("Root Cause", "_What exactly failed, why it failed, why it was not detected earlier._\n");
        sections.put("Contributing Factors", "- Recent changes\n- Environmental factors\n- Human factors\n");
        sections.put("What Went Well", "- \n");
        sections.put("What Went Badly", "- \n");
        sections.put(
                "Action Items",
                "### Immediate (Complete within 24 hours)\n- [ ] \n\n### Short-term (Complete within 1 week)\n"
                        + "- [ ] \n\n### Long-term (Complete within 1 month)\n- [ ] \n");
        List<String> extra = new ArrayList<>();
        if (runbook != null) {
            for (RunbookModel.Template template : runbook.templates()) {
                if (!"postmortem".equals(template.kind())) {
                    continue;
                }
                String body = template.body().strip() + "\n";
                String heading = firstHeading(body);
                String known = heading == null ? null : known(heading);
                if (known != null) {
                    sections.put(known, body.substring(body.indexOf('\n') + 1).strip() + "\n");
                } else {
                    extra.add("## " + oneLine(template.name()) + "\n\n" + body);
                }
            }
        }
        StringBuilder md = new StringBuilder("# ").append(title(incident)).append("\n\n");
        md.append(facts(details)).append('\n');
        for (String name : SECTIONS) {
            md.append("## ")
                    .append(name)
                    .append("\n\n")
                    .append(sections.get(name))
                    .append('\n');
        }
        extra.forEach(e -> md.append(e).append('\n'));
        return md.toString().strip() + "\n";
    }

    private static String facts(IncidentDetails details) {
        Incident i = details.incident();
        StringBuilder t = new StringBuilder("| | |\n|---|---|\n");
        row(t, "Incident", "#" + i.id() + " " + i.title());
        row(t, "Service", i.service());
        row(
                t,
                "Severity",
                i.severity().name()
                        + (i.severity().label() == null
                                ? ""
                                : " (" + i.severity().label() + ")"));
        row(t, "Opened", time(i.openedAt()));
        if (i.acknowledgedAt() != null) {
            row(
                    t,
                    "Acknowledged",
                    time(i.acknowledgedAt()) + " by " + i.acknowledgedBy() + ", after "
                            + duration(Duration.between(i.openedAt(), i.acknowledgedAt())));
        }
        if (i.resolvedAt() != null) {
            row(t, "Resolved", time(i.resolvedAt()) + (i.resolvedBy() == null ? "" : " by " + i.resolvedBy()));
        }
        row(t, "Duration", duration(active(details.cycles())));
        if (i.severity().responseTarget() != null) {
            row(t, "Response target", i.severity().responseTarget() + ": " + details.responseStatus());
        }
        row(
                t,
                "Runbook",
                i.runbookSlug() == null ? null : "[" + i.runbookSlug() + "](/runbooks/" + i.runbookSlug() + ")");
        if (i.reopenCount() > 0) {
            row(t, "Cycles", (i.reopenCount() + 1) + " (reopened " + i.reopenCount() + " times)");
        }
        row(t, "Commander", i.commander());
        return t.toString();
    }

    private static String impact(IncidentDetails details) {
        StringBuilder t = new StringBuilder();
        var names = details.alerts().stream().map(a -> a.name()).distinct().toList();
        t.append("- Alerts: ").append(details.alerts().size());
        if (!names.isEmpty()) {
            t.append(" (").append(String.join(", ", names.stream().limit(10).toList()));
            t.append(names.size() > 10 ? ", …)" : ")");
        }
        t.append("\n- Time from first alert to resolution: ")
                .append(duration(active(details.cycles())))
                .append('\n');
        for (IncidentCycle c : details.cycles()) {
            if (details.cycles().size() > 1) {
                t.append("- Cycle ")
                        .append(c.cycle())
                        .append(": ")
                        .append(time(c.openedAt()))
                        .append(" to ")
                        .append(c.resolvedAt() == null ? "open" : time(c.resolvedAt()))
                        .append('\n');
            }
        }
        return t.append("\n_Who and what was affected, and how badly._\n").toString();
    }

    /** Oldest first, repeats of one line folded into one with a count: a flapping alert is one row. */
    static String timeline(List<TimelineEntry> entries) {
        StringBuilder t = new StringBuilder("All times UTC.\n\n| Time | Who | What |\n|---|---|---|\n");
        for (var run : dev.firebreak.incident.TimelineRun.fold(entries, e -> "")) {
            TimelineEntry e = run.first();
            String what = cell(e.text());
            if (run.count() > 1) {
                what += " (×" + run.count() + ", last " + time(run.last().at()) + ")";
            }
            t.append("| ")
                    .append(time(e.at()))
                    .append(" | ")
                    .append(cell(e.actor()))
                    .append(" | ")
                    .append(what)
                    .append(" |\n");
        }
        return t.toString();
    }

    /** Time the incident was open, summed over its cycles (a reopened one's quiet gap does not count). */
    static Duration active(List<IncidentCycle> cycles) {
        Duration total = Duration.ZERO;
        for (IncidentCycle c : cycles) {
            if (c.resolvedAt() != null) {
                total = total.plus(Duration.between(c.openedAt(), c.resolvedAt()));
            }
        }
        return total;
    }

    static String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return d.toSeconds() + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h " + minutes % 60 + " min";
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    private static void row(StringBuilder t, String name, String value) {
        if (value != null && !value.isBlank()) {
            t.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
        }
    }

    /** A table cell: one line, pipes escaped, so text from alerts cannot break the table. */
    static String cell(String text) {
        return oneLine(text).replace("\\", "\\\\").replace("|", "\\|");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static String firstHeading(String body) {
        String first = body.lines().findFirst().orElse("");
        return first.startsWith("#") ? first.replaceFirst("^#+\\s*", "").strip() : null;
    }

    private static String known(String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        return SECTIONS.stream()
                .filter(s -> s.toLowerCase(Locale.ROOT).equals(h))
                .findFirst()
                .orElse(null);
    }
}
