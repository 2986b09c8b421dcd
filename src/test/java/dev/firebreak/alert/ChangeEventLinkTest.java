package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only absolute http and https hrefs of a sender's links become links on a page. */
class ChangeEventLinkTest {
    private static String web(String href) {
        return new ChangeEvent.Link(href, null).webHref();
    }

    @Test
    void onlyAbsoluteWebUrlsAreLinked() {
        assertThat(web("https://ci.example.com/build/2?a=1&b=2")).isEqualTo("https://ci.example.com/build/2?a=1&b=2");
        assertThat(web("HTTP://ci.example.com/")).isEqualTo("HTTP://ci.example.com/");
        assertThat(web(" https://ci.example.com ")).isEqualTo("https://ci.example.com");
        assertThat(web("javascript:alert(1)")).isNull();
        assertThat(web("JavaScript:alert(1)")).isNull();
        assertThat(web("data:text/html,<script>alert(1)</script>")).isNull();
        assertThat(web("vbscript:x")).isNull();
        assertThat(web("//evil.example.com/x")).isNull();
        assertThat(web("/relative/path")).isNull();
        assertThat(web("https:/no-host")).isNull();
        assertThat(web("https://bad host/")).isNull();
        assertThat(web("")).isNull();
    }

    @Test
    void theLabelIsTheTextOrElseTheHref() {
        assertThat(new ChangeEvent.Link("https://x.example", "Build 2").label()).isEqualTo("Build 2");
        assertThat(new ChangeEvent.Link("https://x.example", " ").label()).isEqualTo("https://x.example");
        assertThat(new ChangeEvent.Link("https://x.example", null).label()).isEqualTo("https://x.example");
    }
}
