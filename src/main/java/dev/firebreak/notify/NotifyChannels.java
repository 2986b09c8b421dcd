package dev.firebreak.notify;

import dev.firebreak.notify.internal.ChannelStore;
import dev.firebreak.notify.internal.MessageStore;
import dev.firebreak.notify.internal.MessageWriter;
import dev.firebreak.notify.internal.channel.DestinationCheck;
import dev.firebreak.notify.internal.channel.HttpAddress;
import dev.firebreak.notify.internal.channel.PersonalWebhookSecrets;
import dev.firebreak.notify.internal.channel.StandardWebhooks;
import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.PeopleDirectory;
import dev.firebreak.platform.FirebreakException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams' and services' chat channels and webhook endpoints. Every URL is checked by its provider
 * and the network policy before it is saved; webhook endpoints are signed with a {@code whsec_}
 * secret shown once, at create and rotate. URLs are secrets too, so reads show scheme and host.
 */
@Service
public class NotifyChannels {
    /** How long the previous secret still signs after a rotation, unless told otherwise. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);

    private static final Duration MAX_OVERLAP = Duration.ofDays(7);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final ChannelStore store;
    private final DestinationCheck check;
    private final PeopleDirectory people;
    private final MessageWriter writer;
    private final MessageStore messages;
    private final PersonalWebhookSecrets personal;
    private final Clock clock;

    NotifyChannels(
            ChannelStore store,
            DestinationCheck check,
            PeopleDirectory people,
            MessageWriter writer,
            MessageStore messages,
            PersonalWebhookSecrets personal,
            Clock clock) {
        this.store = store;
        this.check = check;
        this.people = people;
        this.writer = writer;
        this.messages = messages;
        this.personal = personal;
        this.clock = clock;
    }

    /** A new channel; exactly one of {@code team} and {@code service}. */
    public record ChannelSpec(String name, String type, String url, String team, String service) {}

    /** What an update sets: null leaves a field as it is; {@code enabled} true also clears a 410's reason. */
    public record ChannelChange(String url, String team, String service, Boolean enabled) {}

    /** A channel with its new secret, shown only now (null for channels that are not signed). */
    public record WithSecret(NotifyChannel channel, String secret) {}

    /** A test message written to the ledger and on its way. */
    public record TestMessage(long messageId, String key) {}

    public List<NotifyChannel> list() {
        return store.all().stream().map(NotifyChannels::masked).toList();
    }

    public NotifyChannel get(String name) {
        return masked(find(name));
    }

    public WithSecret create(ChannelSpec spec) {
        if (spec == null) {
            throw new FirebreakException.BadInput(
                    "name", "the JSON body needs \"name\", \"type\", \"url\" and \"team\" or \"service\"");
        }
        String name = name(spec.name());
        ChannelType type = type(spec.type());
        Owner owner = owner(spec.team(), spec.service());
        String url = spec.url() == null ? "" : spec.url().strip();
        check.check(type, "url", url);
        if (store.findByName(name).isPresent()) {
            throw new FirebreakException.Conflict("a channel named '" + name + "' already exists");
        }
        String secret = type.equals(ChannelType.WEBHOOK) ? StandardWebhooks.newSecret() : null;
        try {
            store.insert(name, type, url, owner.team(), owner.service(), secret, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw new FirebreakException.Conflict("a channel named '" + name + "' already exists");
        }
        return new WithSecret(get(name), secret);
    }

    public NotifyChannel update(String name, ChannelChange change) {
        NotifyChannel channel = find(name);
        ChannelChange c = change == null ? new ChannelChange(null, null, null, null) : change;
        String url = c.url() == null ? channel.url() : c.url().strip();
        if (c.url() != null) {
            check.check(channel.type(), "url", url);
        }
        Owner owner = c.team() == null && c.service() == null
                ? new Owner(channel.team(), channel.service())
                : owner(c.team(), c.service());
        boolean enabled = c.enabled() == null ? channel.enabled() : c.enabled();
        store.update(channel.id(), url, owner.team(), owner.service(), enabled, clock.instant());
        return get(name);
    }

    public void delete(String name) {
        store.delete(find(name).id());
    }

    /**
     * A new signing secret; the previous one signs too for {@code overlap} (null: {@link
     * #DEFAULT_OVERLAP}), so receivers can switch without losing a delivery.
     */
    @Transactional
    public WithSecret rotateSecret(String name, Duration overlap) {
        NotifyChannel channel = find(name);
        if (!channel.signed()) {
            throw new FirebreakException.BadInput(
                    "name",
                    "channel '" + name + "' is a " + channel.type() + " channel: only webhook channels are signed");
        }
        Duration keep = overlap == null ? DEFAULT_OVERLAP : overlap;
        if (keep.isNegative() || keep.compareTo(MAX_OVERLAP) > 0) {
            throw new FirebreakException.BadInput("overlap", "overlap must be between 0s and 7d");
        }
        String secret = StandardWebhooks.newSecret();
        Instant now = clock.instant();
        store.rotate(channel.id(), secret, now.plus(keep), now);
        return new WithSecret(get(name), secret);
    }

    /** Sends a test message through the ledger, as any message goes: retried, recorded, shown. */
    @Transactional
    public TestMessage test(String name) {
        NotifyChannel channel = find(name);
        long id = writer.directToChannel(
                        "test:ch:" + channel.id() + ":" + UUID.randomUUID(),
                        channel,
                        "Test message from Firebreak",
                        "This is a test of channel " + channel.name() + ": incidents of "
                                + (channel.team() != null ? "team " + channel.team() : "service " + channel.service())
                                + " are posted here.")
                .orElseThrow();
        return new TestMessage(id, messages.find(id).orElseThrow().key());
    }

    /** The secret that signs deliveries to a person's webhook contact method (shown to its owner). */
    public String contactMethodSecret(String username, long contactMethodId) {
        ContactMethod method = people.contactMethods(username).stream()
                .filter(m -> m.id() == contactMethodId)
                .findFirst()
                .orElseThrow(
                        () -> new FirebreakException.NotFound(username + " has no contact method " + contactMethodId));
        if (method.kind() != ContactMethod.Kind.WEBHOOK) {
            throw new FirebreakException.BadInput(
                    "id", "contact method " + contactMethodId + " is not a webhook: only webhooks are signed");
        }
        return personal.secretFor(username, method.address());
    }

    private NotifyChannel find(String name) {
        return store.findByName(name == null ? "" : name.strip())
                .orElseThrow(() -> new FirebreakException.NotFound("no channel '" + name + "'"));
    }

    private static NotifyChannel masked(NotifyChannel c) {
        return new NotifyChannel(
                c.id(),
                c.name(),
                c.type(),
                HttpAddress.masked(c.url()),
                c.team(),
                c.service(),
                c.signed(),
                c.enabled(),
                c.disabledReason(),
                c.updatedAt());
    }

    private static String name(String text) {
        String name = text == null ? "" : text.strip();
        if (!NAME.matcher(name).matches()) {
            throw new FirebreakException.BadInput(
                    "name",
                    "a channel name is 1-100 letters, digits, '.', '_' or '-' starting with a letter or digit, not '"
                            + (text == null ? "" : text) + "'");
        }
        return name;
    }

    private static ChannelType type(String text) {
        try {
            return ChannelType.of(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidDestination(
                    "type",
                    "type must be one of slack, mattermost, teams, webhook, ntfy, not '" + (text == null ? "" : text)
                            + "'");
        }
    }

    private record Owner(String team, String service) {}

    private Owner owner(String team, String service) {
        String t = team == null || team.isBlank() ? null : team.strip();
        String s = service == null || service.isBlank() ? null : service.strip();
        if ((t == null) == (s == null)) {
            throw new FirebreakException.BadInput(
                    "team", "a channel belongs to a team or to a service: give one of them");
        }
        if (t != null && !people.teamExists(t)) {
            throw new FirebreakException.BadInput("team", "no team '" + t + "'");
        }
        if (s != null && people.serviceTeam(s).isEmpty()) {
            throw new FirebreakException.BadInput("service", "no service '" + s + "'");
        }
        return new Owner(t, s);
    }
}
