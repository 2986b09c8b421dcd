package dev.firebreak.notify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a message travels, named by its provider. The built-in ones are constants; a provider added
 * later (SMS, voice) brings its own without touching the core.
 */
public record ChannelType(String id) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public static final ChannelType EMAIL = new ChannelType("email");
    public static final ChannelType SLACK = new ChannelType("slack");
    public static final ChannelType MATTERMOST = new ChannelType("mattermost");
    public static final ChannelType TEAMS = new ChannelType("teams");
    public static final ChannelType WEBHOOK = new ChannelType("webhook");
    public static final ChannelType NTFY = new ChannelType("ntfy");

    public ChannelType {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a channel type is lower case letters, digits and dashes: " + id);
        }
    }

    /** In JSON a channel type is its id, {@code "email"}. */
    @JsonValue
    @Override
    public String id() {
        return id;
    }

    @JsonCreator
    public static ChannelType of(String id) {
        return new ChannelType(id == null ? null : id.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return id;
    }
}
