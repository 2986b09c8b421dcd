package dev.firebreak.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.MessageState;
import dev.firebreak.notify.Urgency;
import dev.firebreak.notify.internal.render.Moment;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which template speaks for which message. */
class TemplateComposerTest {
    static MessageRow row(MessageKind kind, String causeKey) {
        Instant now = Instant.parse("2026-12-02T03:00:00Z");
        return new MessageRow(
                1,
                "k",
                causeKey,
                kind,
                7L,
                null,
                null,
                null,
                null,
                3L,
                ChannelType.SLACK,
                "https://x",
                Urgency.HIGH,
                MessageState.DUE,
                now,
                now,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void aPageOrATrigger_isInitial_acknowledgedAnUpdate_resolvedTheResolution() {
        assertThat(TemplateComposer.moment(row(MessageKind.PAGE, "page:9:cm:4:0")))
                .hasValue(Moment.INITIAL);
        assertThat(TemplateComposer.moment(row(MessageKind.INCIDENT_UPDATE, "update:7:triggered-2:ch:3")))
                .hasValue(Moment.INITIAL);
        assertThat(TemplateComposer.moment(row(MessageKind.INCIDENT_UPDATE, "update:7:acknowledged-1:ch:3")))
                .hasValue(Moment.UPDATE);
        assertThat(TemplateComposer.moment(row(MessageKind.INCIDENT_UPDATE, "update:7:resolved-1:ch:3")))
                .hasValue(Moment.RESOLUTION);
        assertThat(TemplateComposer.moment(row(MessageKind.INCIDENT_UPDATE, "update:7:severity-1:ch:3")))
                .hasValue(Moment.UPDATE);
        assertThat(TemplateComposer.moment(row(MessageKind.UPDATE_REMINDER, "reminder:7:1")))
                .isEqualTo(Optional.empty());
    }
}
