package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.Alert;
import dev.firebreak.platform.storage.LruMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes group changes in their order and in few statements: each run of placements becomes one
 * batch of member UPDATEs and one of INSERTs for the rows that did not exist yet, each run of
 * resolutions one batch of UPDATEs. Group ids come from a per-node cache by key; a cached id whose
 * group the flusher deleted shows as a missing member row, and the group is looked up again.
 */
final class GroupWrites {
    /** A change to group membership, in the order the alert side made it. */
    sealed interface Change permits Place, Resolve {
        Alert alert();
    }

    /** Put the alert into the group of every route it matches. */
    record Place(Alert alert, RoutingConfig routing, long contentHash) implements Change {}

    /** Mark the alert resolved in every group that holds it. */
    record Resolve(Alert alert) implements Change {}

    /** One member row to write: the alert in the group of this route. */
    private record Target(String key, Route route, Map<String, String> groupLabels, Alert alert) {}

    private record MemberKey(String groupKey, String fingerprint) {}

    private final GroupStore groups;
    private final LruMap<String, Long> groupIds;
    private final Runnable dueNow;

    /** @param dueNow called inside the transaction when it made a group due at once */
    GroupWrites(GroupStore groups, LruMap<String, Long> groupIds, Runnable dueNow) {
        this.groups = groups;
        this.groupIds = groupIds;
        this.dueNow = dueNow;
    }

    void write(List<Change> changes, Instant now) {
        int from = 0;
        while (from < changes.size()) {
            boolean placing = changes.get(from) instanceof Place;
            int to = from + 1;
            while (to < changes.size() && changes.get(to) instanceof Place == placing) {
                to++;
            }
            List<Change> run = changes.subList(from, to);
            if (placing) {
                place(run, now);
            } else {
                if (groups.resolve(
                        run.stream()
                                .map(Change::alert)
                                .sorted(Comparator.comparing(Alert::fingerprint))
                                .toList(),
                        now)) {
                    dueNow.run();
                }
            }
            from = to;
        }
    }

    private void place(List<Change> run, Instant now) {
        // The last placement of an alert in a group wins: it carries the newer alert.
        Map<MemberKey, Target> targets = new LinkedHashMap<>();
        for (Change change : run) {
            Place place = (Place) change;
            Alert alert = place.alert();
            for (Route route : place.routing().root().match(alert.labels())) {
                Map<String, String> groupLabels = GroupKeys.groupLabels(route, alert);
                String key = GroupKeys.key(route, groupLabels);
                targets.put(new MemberKey(key, alert.fingerprint()), new Target(key, route, groupLabels, alert));
            }
        }
        // Rows locked in one order (group key, then alert) on every node, so nodes cannot deadlock here.
        List<Target> all = targets.values().stream()
                .sorted(Comparator.comparing(Target::key)
                        .thenComparing(t -> t.alert().fingerprint()))
                .toList();
        Map<String, Long> ids = new HashMap<>();
        Set<String> checked = new HashSet<>();
        for (Target target : all) {
            if (!ids.containsKey(target.key())) {
                Long cached = groupIds.get(target.key());
                ids.put(target.key(), cached != null ? cached : groupId(target, now, checked));
            }
        }
        List<Target> missing = missing(all, groups.updateMembers(rows(all, ids), now));
        // A missing row is a new member, or its cached group was flushed away: look such groups up
        // again, and where the id changed, try the update under the current id first.
        Map<String, List<Target>> missingByKey = new LinkedHashMap<>();
        missing.forEach(t ->
                missingByKey.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t));
        List<Target> moved = new ArrayList<>();
        missingByKey.forEach((key, members) -> {
            if (!checked.contains(key)) {
                long before = ids.get(key);
                long current = groupId(members.get(0), now, checked);
                ids.put(key, current);
                if (current != before) {
                    moved.addAll(members);
                }
            }
        });
        List<Target> inserts = new ArrayList<>(missing);
        inserts.removeAll(moved);
        inserts.addAll(missing(moved, groups.updateMembers(rows(moved, ids), now)));
        groups.insertMembers(rows(inserts, ids), now);
    }

    private static List<Target> missing(List<Target> targets, int[] counts) {
        List<Target> missing = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (counts[i] == 0) {
                missing.add(targets.get(i));
            }
        }
        return missing;
    }

    private static List<GroupStore.MemberRow> rows(List<Target> targets, Map<String, Long> ids) {
        return targets.stream()
                .map(t -> new GroupStore.MemberRow(ids.get(t.key()), t.alert()))
                .toList();
    }

    /** The group's id from the database, creating the group when it is missing. */
    private long groupId(Target target, Instant now, Set<String> checked) {
        Long id = groups.findId(target.key()).orElse(null);
        if (id == null) {
            Duration wait = GroupKeys.groupWait(target.route(), target.alert().dedupKey());
            groups.insert(target.key(), target.route(), target.groupLabels(), wait, now);
            if (wait.isZero()) {
                dueNow.run();
            }
            id = groups.findId(target.key()).orElseThrow();
        }
        groupIds.put(target.key(), id);
        checked.add(target.key());
        return id;
    }
}
