package dev.firebreak.postmortem;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The seeds' horizons for action items: immediate (24 hours), short-term (1 week), long-term (1 month). */
public enum DuePreset {
    DAY("24h", Duration.ofHours(24)),
    WEEK("1w", Duration.ofDays(7)),
    MONTH("1m", Duration.ofDays(30));

    private final String id;
    private final Duration after;

    DuePreset(String id, Duration after) {
        this.id = id;
        this.after = after;
    }

    public String id() {
        return id;
    }

    public Duration after() {
        return after;
    }

    /** {@code 24h}, {@code 1w}, {@code 1m} or the names ({@code day}, {@code week}, {@code month}). */
    public static Optional<DuePreset> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (DuePreset preset : values()) {
            if (preset.id.equals(t) || preset.name().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(preset);
            }
        }
        return Optional.empty();
    }
}
