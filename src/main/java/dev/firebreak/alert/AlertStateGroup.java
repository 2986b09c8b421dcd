package dev.firebreak.alert;

import java.util.List;
import java.util.Map;

/** Alertmanager's alert group: the alerts one receiver (route) groups by the same label values. */
public record AlertStateGroup(Map<String, String> labels, String receiver, List<AlertState> alerts) {}
