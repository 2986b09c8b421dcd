package dev.firebreak.oncall;

import dev.firebreak.oncall.internal.schedule.FeedStore;
import dev.firebreak.oncall.internal.schedule.IcsCalendars;
import dev.firebreak.oncall.internal.schedule.ScheduleStore;
import dev.firebreak.platform.FirebreakException.NotFound;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secret iCalendar feeds for calendar apps, which cannot send a token: the secret is the URL. Only
 * its SHA-256 is stored; a feed shows the final shifts of the past week and the next 60 days.
 */
@Service
public class CalendarFeeds {
    static final String PREFIX = "fbcal_";
    static final Duration PAST = Duration.ofDays(7);
    static final Duration AHEAD = Duration.ofDays(60);
    private static final Pattern TOKEN = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{43}");

    private final FeedStore feeds;
    private final ScheduleStore store;
    private final Schedules schedules;
    private final PeopleDirectory people;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CalendarFeeds(FeedStore feeds, ScheduleStore store, Schedules schedules, PeopleDirectory people, Clock clock) {
        this.feeds = feeds;
        this.store = store;
        this.schedules = schedules;
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    public CalendarFeed.Issued forSchedule(String schedule, String by) {
        long id = scheduleId(schedule);
        return issue(id, null, by);
    }

    /** A feed of the person's own shifts on every schedule. */
    @Transactional
    public CalendarFeed.Issued forUser(String username) {
        if (!people.userExists(username)) {
            throw new NotFound("no user '" + username + "'");
        }
        return issue(null, username, username);
    }

    public List<CalendarFeed> ofSchedule(String schedule) {
        return feeds.ofSchedule(scheduleId(schedule));
    }

    public List<CalendarFeed> ofUser(String username) {
        return feeds.ofUser(username);
    }

    @Transactional
    public CalendarFeed revokeScheduleFeed(String schedule, long id) {
        CalendarFeed feed = feeds.find(id)
                .filter(f -> schedule.equals(f.schedule()))
                .orElseThrow(() -> new NotFound("schedule '" + schedule + "' has no feed " + id));
        feeds.revoke(id, clock.instant());
        return feeds.find(feed.id()).orElseThrow();
    }

    @Transactional
    public CalendarFeed revokeUserFeed(String username, long id) {
        CalendarFeed feed = feeds.find(id)
                .filter(f -> username.equals(f.username()))
                .orElseThrow(() -> new NotFound("you have no feed " + id));
        feeds.revoke(id, clock.instant());
        return feeds.find(feed.id()).orElseThrow();
    }

    /** The feed's calendar, or empty for a token that is unknown, malformed or revoked. */
    public Optional<String> calendar(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String hash = hash(token);
        Optional<FeedStore.WithHash> found = feeds.byHash(hash)
                // the index found it by hash; compare again without an early exit, by habit for secrets
                .filter(f -> MessageDigest.isEqual(
                        f.hash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII)))
                .filter(f -> f.feed().revokedAt() == null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CalendarFeed feed = found.get().feed();
        // whole hours, so the edge shifts (and their UIDs) stay put between two fetches
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant from = now.minus(PAST);
        Instant to = now.plus(AHEAD);
        // rendered from earlier still, so the first shift is whole rather than cut at the window
        Instant renderFrom = from.minus(ScheduleRenderer.AT_REACH);
        if (feed.schedule() != null) {
            return Optional.of(IcsCalendars.write(
                    "On call: " + feed.schedule(),
                    after(from, schedules.shifts(feed.schedule(), renderFrom, to)),
                    s -> s.username() + " on call"));
        }
        return Optional.of(IcsCalendars.write(
                feed.username() + " on call",
                after(from, schedules.shiftsOf(feed.username(), renderFrom, to)),
                s -> "On call: " + s.schedule()));
    }

    private static List<OnCallShift> after(Instant from, List<OnCallShift> shifts) {
        return shifts.stream().filter(s -> s.end().isAfter(from)).toList();
    }

    private CalendarFeed.Issued issue(Long scheduleId, String username, String by) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = feeds.insert(hash(token), scheduleId, username, by, clock.instant());
        return new CalendarFeed.Issued(feeds.find(id).orElseThrow(), "/calendar/" + token + ".ics");
    }

    private long scheduleId(String schedule) {
        return store.id(schedule).orElseThrow(() -> new NotFound("no schedule '" + schedule + "'"));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
