package dev.firebreak.incident.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incident settings ({@code firebreak.incidents.*}).
 *
 * @param reopenWindow a group that fires again within this time after its incident resolved reopens
 *     that incident; later it opens a new one (default 1 hour)
 */
@ConfigurationProperties("firebreak.incidents")
public record IncidentProperties(
        @DefaultValue("1h") Duration reopenWindow,
        @DefaultValue("5s") Duration demoAlertInterval) {}
