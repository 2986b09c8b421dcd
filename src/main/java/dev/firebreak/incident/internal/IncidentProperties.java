package dev.firebreak.incident.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incident settings ({@code firebreak.incidents.*}).
 *
 * @param reopenWindow a group that fires again within this time after its incident resolved reopens
 *     that incident; later it opens a new one (default 1 hour)
 * @param demoAlertInterval how often demo mode ({@code --demo}) sends a sample alert (default 5 s)
 */
@ConfigurationProperties("firebreak.incidents")
public record IncidentProperties(
        @DefaultValue("1h") Duration reopenWindow,
        @DefaultValue("5s") Duration demoAlertInterval) {}
