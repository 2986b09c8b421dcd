package dev.firebreak.notify;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notify.ActionLinkRefused.Reason;
import dev.firebreak.notify.RenderedMessage.Link.Action;
import dev.firebreak.notify.internal.ActionLinkStore;
import dev.firebreak.notify.internal.ServerKeys;
import dev.firebreak.oncall.PeopleDirectory;
import dev.firebreak.platform.FirebreakException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acknowledge and resolve links in pages: signed with the server's own HMAC-SHA256 key, single use,
 * expiring after {@code firebreak.notify.link-lifetime}, and working without a login, since the
 * token is the credential. Looking at a link changes nothing; acting on it is recorded as the
 * person who was paged.
 */
@Service
public class ActionLinks {
    private static final String KEY = ServerKeys.ACTION_LINKS;
    private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final ActionLinkStore store;
    private final ServerKeys keys;
    private final Incidents incidents;
    private final PeopleDirectory people;
    private final NotifyProperties properties;
    private final Clock clock;

    ActionLinks(
            ActionLinkStore store,
            ServerKeys keys,
            Incidents incidents,
            PeopleDirectory people,
            NotifyProperties properties,
            Clock clock) {
        this.store = store;
        this.keys = keys;
        this.incidents = incidents;
        this.people = people;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The link for one message's action; a retry of the message gets the same link back.
     *
     * @param messageKey the message's idempotency key
     * @return the absolute URL to put in the message
     */
    @Transactional
    public String issue(String messageKey, long incidentId, String username, Action action) {
        if (action != Action.ACKNOWLEDGE && action != Action.RESOLVE) {
            throw new IllegalArgumentException("links acknowledge or resolve, not " + action);
        }
        String linkId = BASE64URL.encodeToString(Arrays.copyOf(mac("id\n" + messageKey + "\n" + action.name()), 16));
        Instant expires = clock.instant().plus(properties.linkLifetime()).truncatedTo(ChronoUnit.SECONDS);
        ActionLinkStore.Row row =
                store.insertIfAbsent(new ActionLinkStore.Row(linkId, incidentId, username, action, expires, null));
        return properties.url("/act/" + token(row));
    }

    /** What the link would do, for its confirm page; changes nothing (mail scanners fetch links). */
    @Transactional(readOnly = true)
    public ActionLink inspect(String token) {
        ActionLinkStore.Row row = check(token, false);
        Incident incident = incidents.get(row.incidentId());
        checkState(row, incident);
        return view(row, incident);
    }

    /** Acknowledges or resolves the incident as the paged person and uses the link up, in one transaction. */
    @Transactional
    public ActionLink perform(String token) {
        ActionLinkStore.Row row = check(token, true);
        Incident before = incidents.get(row.incidentId());
        checkState(row, before);
        if (!store.use(row.linkId(), clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            throw new ActionLinkRefused(Reason.USED, "this link was used already");
        }
        try {
            Incident after = row.action() == Action.ACKNOWLEDGE
                    ? incidents.acknowledge(row.incidentId(), row.username())
                    : incidents.resolve(row.incidentId(), row.username());
            return view(row, after);
        } catch (FirebreakException.Conflict lost) {
            // Someone else changed the incident a moment ago; the link stays unused (rolled back).
            throw new ActionLinkRefused(Reason.DONE, lost.getMessage());
        }
    }

    private ActionLinkStore.Row check(String token, boolean lock) {
        Matcher m = TOKEN.matcher(token == null ? "" : token);
        if (!m.matches()) {
            throw invalid();
        }
        ActionLinkStore.Row row =
                (lock ? store.lock(m.group(1)) : store.find(m.group(1))).orElseThrow(ActionLinks::invalid);
        if (!MessageDigest.isEqual(
                token(row).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        if (row.usedAt() != null) {
            throw new ActionLinkRefused(Reason.USED, "this link was used already, at " + row.usedAt());
        }
        if (!clock.instant().isBefore(row.expiresAt())) {
            throw new ActionLinkRefused(Reason.EXPIRED, "this link expired at " + row.expiresAt());
        }
        if (!people.userEnabled(row.username())) {
            throw new ActionLinkRefused(Reason.DISABLED, "the account of " + row.username() + " is disabled");
        }
        return row;
    }

    private static void checkState(ActionLinkStore.Row row, Incident incident) {
        if (incident.state() == IncidentState.RESOLVED) {
            throw new ActionLinkRefused(
                    Reason.DONE,
                    "incident #" + incident.id() + " was resolved already"
                            + (incident.resolvedBy() == null ? "" : " by " + incident.resolvedBy()));
        }
        if (row.action() == Action.ACKNOWLEDGE && incident.state() == IncidentState.ACKNOWLEDGED) {
            throw new ActionLinkRefused(
                    Reason.DONE,
                    "incident #" + incident.id() + " was acknowledged already by " + incident.acknowledgedBy());
        }
    }

    private static ActionLink view(ActionLinkStore.Row row, Incident incident) {
        return new ActionLink(
                row.action(),
                incident.id(),
                incident.title(),
                incident.severity() == null ? null : incident.severity().name(),
                incident.state(),
                row.username(),
                row.expiresAt());
    }

    /** The id and a signature over everything the link does, so no part of it can be changed. */
    private String token(ActionLinkStore.Row row) {
        String signed = String.join(
                "\n",
                "v1",
                row.linkId(),
                Long.toString(row.incidentId()),
                row.username(),
                row.action().name(),
                Long.toString(row.expiresAt().getEpochSecond()));
        return row.linkId() + "." + BASE64URL.encodeToString(mac(signed));
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.key(KEY), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ActionLinkRefused invalid() {
        return new ActionLinkRefused(
                Reason.INVALID, "this link is not valid: it may be cut short or changed; use the one in the page");
    }
}
