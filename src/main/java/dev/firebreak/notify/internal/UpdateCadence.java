package dev.firebreak.notify.internal;

import dev.firebreak.incident.Incident;
import dev.firebreak.notify.NotifyProperties;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookModel;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** How often an open incident owes an update: its runbook's words ("Updates every 15 minutes"), else the setting. */
@Component
class UpdateCadence {
    private static final Pattern EVERY = Pattern.compile(
            "(?i)\\b(?:updates?\\s+every|next\\s+update:?)\\s+(\\d{1,4})\\s*(minutes?|mins?|m|hours?|hrs?|h)\\b");
    private final RunbookLibrary runbooks;
    private final NotifyProperties properties;

    UpdateCadence(RunbookLibrary runbooks, NotifyProperties properties) {
        this.runbooks = runbooks;
        this.properties = properties;
    }

    /** Empty when reminders are off. */
    Optional<Duration> of(Incident incident) {
        Optional<Duration> written = fromRunbook(incident.runbookSlug());
        if (written.isPresent()) {
            return written;
        }
        Duration setting = properties.updateCadence();
        return setting.isZero() || setting.isNegative() ? Optional.empty() : Optional.of(setting);
    }

    private Optional<Duration> fromRunbook(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        RunbookModel model;
        try {
            model = runbooks.get(slug).model();
        } catch (FirebreakException.NotFound e) {
            return Optional.empty();
        }
        for (RunbookModel.Template template : model.templates()) {
            Optional<Duration> found = parse(template.body());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static Optional<Duration> parse(String text) {
        Matcher m = EVERY.matcher(text == null ? "" : text);
        if (!m.find()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(
                m.group(2).toLowerCase(Locale.ROOT).startsWith("h") ? Duration.ofHours(n) : Duration.ofMinutes(n));
    }
}
