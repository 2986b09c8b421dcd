package dev.firebreak.web;

import java.time.ZoneId;
import java.util.List;

/** The IANA region zones the time zone fields suggest, sorted. */
final class Zones {
    static final List<String> IDS = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted()
            .toList();

    private Zones() {}
}
