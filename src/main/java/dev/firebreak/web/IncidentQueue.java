package dev.firebreak.web;

import dev.firebreak.incident.Incident;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The incident list as a responder's queue: mine, one service, and the order a column asks for. */
final class IncidentQueue {
    /** Columns the list sorts by; newest first is the default. */
    enum Sort {
        NEWEST("newest", Comparator.comparing(Incident::openedAt).reversed()),
        OLDEST("oldest", Comparator.comparing(Incident::openedAt)),
        SEVERITY(
                "severity",
                Comparator.comparing((Incident i) -> rank(i.severity().name()))
                        .thenComparing(Comparator.comparing(Incident::openedAt).reversed())),
        STATE(
                "state",
                Comparator.comparing((Incident i) -> i.state().ordinal())
                        .thenComparing(Comparator.comparing(Incident::openedAt).reversed())),
        SERVICE(
                "service",
                Comparator.comparing((Incident i) ->
                                i.service() == null ? "\\uffff" : i.service().toLowerCase(Locale.ROOT))
                        .thenComparing(Comparator.comparing(Incident::openedAt).reversed()));

        private final String id;
        private final Comparator<Incident> order;

        Sort(String id, Comparator<Incident> order) {
            this.id = id;
            this.order = order;
        }

        String id() {
            return id;
        }

        static Sort of(String id) {
            for (Sort s : values()) {
                if (s.id.equalsIgnoreCase(Objects.requireNonNullElse(id, ""))) {
                    return s;
                }
            }
            return NEWEST;
        }
    }

    private IncidentQueue() {}

    /** @param teamServices the services of the chosen team, or null for any */
    static List<Incident> arrange(
            List<Incident> list, String mine, String service, java.util.Set<String> teamServices, Sort sort) {
        return list.stream()
                .filter(i -> mine == null || mine.equals(i.commander()) || mine.equals(i.acknowledgedBy()))
                .filter(i -> service == null || service.isBlank() || service.equalsIgnoreCase(i.service()))
                .filter(i -> teamServices == null || (i.service() != null && teamServices.contains(i.service())))
                .sorted(sort.order)
                .toList();
    }

    static List<String> services(List<Incident> list) {
        return list.stream()
                .map(Incident::service)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * Severities of every scheme on one scale: P0/SEV-0 and critical first, then 1, 2... (P1..P4,
     * SEV-1..4, critical/high/medium/low/info), so a mixed list still reads most severe first.
     */
    static int rank(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        var digit = java.util.regex.Pattern.compile("(\\d+)").matcher(n);
        if (digit.find()) {
            return Integer.parseInt(digit.group(1));
        }
        return switch (n) {
            case "critical", "emergency", "fatal" -> 1;
            case "high", "error", "major" -> 2;
            case "medium", "warning", "minor" -> 3;
            case "low" -> 4;
            default -> 5;
        };
    }
}
