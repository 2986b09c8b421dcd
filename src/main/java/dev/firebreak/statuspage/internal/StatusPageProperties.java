package dev.firebreak.statuspage.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Status page settings ({@code firebreak.status-page.*}).
 *
 * @param historyDays days of uptime bars and incident history shown (default 90)
 * @param subscribeLimit subscribe requests one client address may make per {@code subscribeWindow}
 *     (default 5 per 10 min); the page is public, so nobody may use it to mail-bomb an inbox
 * @param subscribeWindow the window of {@code subscribeLimit} (default 10 min)
 * @param pageSubscribeLimit subscribe requests one page takes per hour from everybody together
 *     (default 200), against many addresses at once
 * @param resendAfter a second confirmation to the same pending address waits this long (default 10 min)
 * @param confirmWithin a subscription not confirmed within this is dropped on the next request (default 2 d)
 */
@ConfigurationProperties("firebreak.status-page")
public record StatusPageProperties(
        @DefaultValue("90") int historyDays,
        @DefaultValue("5") int subscribeLimit,
        @DefaultValue("10m") Duration subscribeWindow,
        @DefaultValue("200") int pageSubscribeLimit,
        @DefaultValue("10m") Duration resendAfter,
        @DefaultValue("2d") Duration confirmWithin) {}
