package dev.firebreak.postmortem.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Postmortem settings ({@code firebreak.postmortem.*}).
 *
 * @param maxMarkdown the longest postmortem text accepted (default 256 KB); longer is refused with 400
 * @param remindEvery an overdue action item's owner is reminded again this long after the last reminder
 *     while it stays open (default 1 day)
 */
@ConfigurationProperties("firebreak.postmortem")
public record PostmortemProperties(
        @DefaultValue("256KB") DataSize maxMarkdown,
        @DefaultValue("1d") Duration remindEvery) {}
