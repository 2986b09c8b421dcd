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
                Comparator.comparing((Incident i) -> i.severity().rank())
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

    /** A level of the common scale with the names its schemes give it, e.g. 1 · P0, P1 (Critical), SEV-1. */
    record Level(int level, String names) {}

    /**
     * The levels the listed incidents use, at least the built-in scheme's, with each scheme's own
     * names; a level none of them uses is named as the built-in scheme names it.
     */
    static List<Level> levels(List<Incident> list, List<dev.firebreak.incident.Severity> builtIn) {
        var names = new java.util.TreeMap<Integer, java.util.LinkedHashSet<String>>();
        var unused = new java.util.HashMap<Integer, String>();
        for (var level : builtIn) {
            names.put(level.level(), new java.util.LinkedHashSet<>());
            unused.put(level.level(), named(level));
        }
        list.stream()
                .map(Incident::severity)
                .sorted(Comparator.comparing(dev.firebreak.incident.Severity::name))
                .forEach(s -> names.computeIfAbsent(s.level(), k -> new java.util.LinkedHashSet<>())
                        .add(named(s)));
        return names.entrySet().stream()
                .map(e -> new Level(
                        e.getKey(),
                        e.getValue().isEmpty()
                                ? unused.getOrDefault(e.getKey(), "level " + e.getKey())
                                : String.join(
                                        ", ", e.getValue().stream().limit(4).toList())))
                .toList();
    }

    private static String named(dev.firebreak.incident.Severity s) {
        return s.label() == null || s.label().isBlank() ? s.name() : s.name() + " " + s.label();
    }
}
