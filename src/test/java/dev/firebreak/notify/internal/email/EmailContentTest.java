package dev.firebreak.notify.internal.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.notify.RenderedMessage;
import dev.firebreak.notify.RenderedMessage.Field;
import dev.firebreak.notify.RenderedMessage.Link;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailContentTest {
    private static RenderedMessage message(String text, List<Link> links) {
        return new RenderedMessage(
                "[SEV-1] <script>alert(1)</script>\r\nBcc: x@y",
                text,
                "SEV-1",
                "triggered",
                "incident-7",
                List.of(new Field("Service", "pay<ments>")),
                links,
                List.of());
    }

    @Test
    void everythingIsEscaped_andOnlyHttpLinksBecomeButtons() {
        RenderedMessage content = message(
                "Runbook: https://wiki.example.com/run?a=1&b=<2>.\n\nStatus: [Brief description]",
                List.of(
                        new Link("Acknowledge", "https://firebreak.test/a/xyz?x=\"1\"", Link.Action.ACKNOWLEDGE),
                        new Link("Evil", "javascript:alert(1)", Link.Action.OPEN)));
        String html = EmailContent.html(content, "key-1");
        assertThat(html)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("pay&lt;ments&gt;")
                .contains("<a href=\"https://firebreak.test/a/xyz?x=&quot;1&quot;\"")
                .contains(">Acknowledge</a>")
                .doesNotContain("href=\"javascript")
                .contains("Evil: javascript:alert(1)")
                .contains("<a href=\"https://wiki.example.com/run?a=1&amp;b=\" style=\"color:#0969da\">")
                .contains("[Brief description]")
                .contains("<p style=\"margin:12px 0\">Status: [Brief description]</p>");
        assertThat(EmailContent.subject(content)).doesNotContain("\r").doesNotContain("\n");
        assertThat(EmailContent.text(content, "key-1"))
                .contains("Service: pay<ments>", "Acknowledge: https://firebreak.test/a/xyz?x=\"1\"", "key-1");
    }
}
