package dev.firebreak.alert.internal.routing;

import java.util.List;

/** A parsed, valid routing configuration. */
public record RoutingConfig(Route root, List<InhibitRule> inhibitRules) {}
