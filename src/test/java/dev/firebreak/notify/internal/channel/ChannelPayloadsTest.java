package dev.firebreak.notify.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.Destination;
import dev.firebreak.notify.HttpSink;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.OutgoingMessage;
import dev.firebreak.notify.RenderedMessage;
import dev.firebreak.notify.RenderedMessage.Field;
import dev.firebreak.notify.RenderedMessage.Link;
import dev.firebreak.notify.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each provider's payload as the real service reads it (the sink's shape checks, without a network). */
class ChannelPayloadsTest {
    private static final RenderedMessage PAGE = new RenderedMessage(
            "[SEV-1] Payments API 5xx above 5% <prod>",
            "You are paged for incident #42: Payments API 5xx above 5% & rising",
            "SEV-1",
            "triggered",
            "incident-42",
            List.of(new Field("Severity", "SEV-1"), new Field("Service", "payments")),
            List.of(
                    new Link("Open incident", "https://firebreak.test/incidents/42", Link.Action.OPEN),
                    new Link("Acknowledge", "https://firebreak.test/a/ack-token", Link.Action.ACKNOWLEDGE),
                    new Link("Resolve", "https://firebreak.test/a/res,olve", Link.Action.RESOLVE)),
            List.of());

    private static OutgoingMessage message(MessageKind kind, RenderedMessage content, Urgency urgency) {
        return new OutgoingMessage(
                7,
                "3f1c7a52-8d0e-4c1b-9a55-0d2b8e6f1a11",
                kind,
                ChannelType.WEBHOOK,
                new Destination("https://example.test/hook", null, List.of()),
                content,
                42L,
                urgency,
                1,
                Duration.ofSeconds(10),
                Instant.parse("2026-03-01T12:00:00Z"));
    }

    private static HttpSink.Received json(byte[] body) {
        return new HttpSink.Received(
                "POST", "/", Map.of("content-type", List.of("application/json")), body, Instant.now());
    }

    @Test
    void slack_isBlockKitWithAFallbackText_andTheKeyInBlockIds() {
        JsonNode root = HttpSink.assertSlack(
                json(Payloads.bytes(SlackProvider.payload(message(MessageKind.PAGE, PAGE, Urgency.HIGH)))));
        assertThat(root.path("text").asString())
                .isEqualTo("[SEV-1] Payments API 5xx above 5% &lt;prod&gt; <https://firebreak.test/incidents/42>");
        JsonNode blocks = root.path("blocks");
        assertThat(blocks.valueStream().map(b -> b.path("type").asString()))
                .containsExactly("header", "section", "section", "context", "actions");
        assertThat(blocks.get(0).path("block_id").asString())
                .isEqualTo("fb-3f1c7a52-8d0e-4c1b-9a55-0d2b8e6f1a11-header");
        assertThat(blocks.get(1).path("text").path("text").asString()).endsWith("&amp; rising");
        assertThat(blocks.get(2).path("fields").get(1).path("text").asString()).isEqualTo("*Service*\npayments");
        assertThat(blocks.get(3).path("elements").get(0).path("text").asString())
                .isEqualTo("Firebreak · incident #42 · paged");
        JsonNode buttons = blocks.get(4).path("elements");
        assertThat(buttons.size()).isEqualTo(3);
        assertThat(buttons.get(1).path("style").asString()).isEqualTo("primary");
        assertThat(buttons.get(1).path("url").asString()).isEqualTo("https://firebreak.test/a/ack-token");
    }

    @Test
    void teams_isAnAdaptiveCard12InAMessageAttachment() {
        JsonNode root = HttpSink.assertTeams(
                json(Payloads.bytes(TeamsProvider.payload(message(MessageKind.INCIDENT_UPDATE, PAGE, Urgency.HIGH)))));
        JsonNode card = root.path("attachments").get(0).path("content");
        assertThat(card.path("body").get(0).path("id").asString())
                .isEqualTo("firebreak-3f1c7a52-8d0e-4c1b-9a55-0d2b8e6f1a11");
        assertThat(card.path("body").get(2).path("facts").size()).isEqualTo(2);
        assertThat(card.path("actions").valueStream().map(a -> a.path("title").asString()))
                .containsExactly("Open incident", "Acknowledge", "Resolve");
    }

    @Test
    void mattermost_isMarkdownWithFieldsAndTheKeyInProps() {
        JsonNode root = HttpSink.assertMattermost(json(
                Payloads.bytes(MattermostProvider.payload(message(MessageKind.INCIDENT_UPDATE, PAGE, Urgency.HIGH)))));
        assertThat(root.path("text").asString())
                .startsWith("#### [SEV-1] Payments API")
                .contains("[Acknowledge](https://firebreak.test/a/ack-token)");
        assertThat(root.path("attachments").get(0).path("color").asString()).isEqualTo("#d92d20");
        assertThat(root.path("props").path("firebreak_message_key").asString())
                .isEqualTo("3f1c7a52-8d0e-4c1b-9a55-0d2b8e6f1a11");
        assertThat(root.path("props").path("firebreak_incident_id").asLong()).isEqualTo(42);
    }

    @Test
    void webhook_isAStandardWebhooksEvent() {
        JsonNode root = Payloads.JSON.readTree(Payloads.bytes(
                WebhookProvider.payload(message(MessageKind.INCIDENT_UPDATE, PAGE, Urgency.HIGH), "payments")));
        assertThat(root.path("type").asString()).isEqualTo("incident.triggered");
        assertThat(root.path("timestamp").asString()).isEqualTo("2026-03-01T12:00:00Z");
        JsonNode data = root.path("data");
        assertThat(data.path("incidentId").asLong()).isEqualTo(42);
        assertThat(data.path("service").asString()).isEqualTo("payments");
        assertThat(data.path("severity").asString()).isEqualTo("SEV-1");
        assertThat(data.path("url").asString()).isEqualTo("https://firebreak.test/incidents/42");
        assertThat(data.path("links").get(1).path("action").asString()).isEqualTo("acknowledge");
        assertThat(data.path("messageKey").asString()).isEqualTo("3f1c7a52-8d0e-4c1b-9a55-0d2b8e6f1a11");
        assertThat(Payloads.eventType(message(MessageKind.PAGE, PAGE, Urgency.HIGH)))
                .isEqualTo("incident.paged");
        assertThat(Payloads.eventType(message(MessageKind.TEST, PAGE, Urgency.HIGH)))
                .isEqualTo("notification.test");
    }

    @Test
    void ntfy_headersCarryPriorityClickTagsAndActions() {
        Map<String, String> high = NtfyProvider.headers(message(MessageKind.PAGE, PAGE, Urgency.HIGH));
        assertThat(high)
                .containsEntry("Title", "[SEV-1] Payments API 5xx above 5% <prod>")
                .containsEntry("Priority", "5")
                .containsEntry("Click", "https://firebreak.test/incidents/42")
                .containsEntry("Tags", "rotating_light,sev-1,firebreak")
                .containsEntry("X-Message-Id", "3f1c7a52-8d0e-4c1b-9a55-0d2b8e6f1a11")
                .containsEntry(
                        "Actions",
                        "view, Open incident, https://firebreak.test/incidents/42; "
                                + "http, Acknowledge, https://firebreak.test/a/ack-token, method=POST, headers.Accept=application/json, clear=true; "
                                + "http, Resolve, \"https://firebreak.test/a/res,olve\", method=POST, headers.Accept=application/json, clear=true");
        assertThat(NtfyProvider.headers(message(MessageKind.PAGE, PAGE, Urgency.LOW)))
                .containsEntry("Priority", "3");
        assertThat(NtfyProvider.header("Störung")).isEqualTo("=?UTF-8?B?U3TDtnJ1bmc=?=");
    }
}
