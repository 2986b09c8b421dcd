package dev.firebreak.api;

import dev.firebreak.notify.NotifyChannel;
import dev.firebreak.notify.NotifyChannels;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.Role;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Notification channels ({@code /api/v1/notify/channels}): viewers read them (URLs masked),
 * admins change, rotate and test them. Also the signing secret of a person's webhook contact
 * method, for its owner or an admin.
 */
@RestController
class NotifyChannelController {
    private final NotifyChannels channels;

    NotifyChannelController(NotifyChannels channels) {
        this.channels = channels;
    }

    /** A channel as the API shows it; {@code secret} only right after create and rotate-secret. */
    record View(
            String name,
            String type,
            String url,
            String team,
            String service,
            boolean signed,
            boolean enabled,
            String disabledReason,
            Instant updatedAt,
            String secret) {
        static View of(NotifyChannel c, String secret) {
            return new View(
                    c.name(),
                    c.type().id(),
                    c.url(),
                    c.team(),
                    c.service(),
                    c.signed(),
                    c.enabled(),
                    c.disabledReason(),
                    c.updatedAt(),
                    secret);
        }
    }

    record Sent(long messageId, String key) {}

    record Secret(String secret) {}

    @GetMapping("/api/v1/notify/channels")
    List<View> list() {
        return channels.list().stream().map(c -> View.of(c, null)).toList();
    }

    @PostMapping("/api/v1/notify/channels")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<View> create(@RequestBody(required = false) NotifyChannels.ChannelSpec body) {
        NotifyChannels.WithSecret created = channels.create(body);
        return ResponseEntity.created(URI.create("/api/v1/notify/channels/"
                        + UriUtils.encodePathSegment(created.channel().name(), "UTF-8")))
                .body(View.of(created.channel(), created.secret()));
    }

    @GetMapping("/api/v1/notify/channels/{name}")
    View get(@PathVariable String name) {
        return View.of(channels.get(name), null);
    }

    /** url, team, service, enabled: a missing field stays; enabled true turns a disabled channel back on. */
    @PatchMapping("/api/v1/notify/channels/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    View update(@PathVariable String name, @RequestBody(required = false) NotifyChannels.ChannelChange body) {
        return View.of(channels.update(name, body), null);
    }

    @DeleteMapping("/api/v1/notify/channels/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        channels.delete(name);
    }

    /** {@code overlap}: how long the old secret still signs (default 24h, at most 7d). */
    @PostMapping("/api/v1/notify/channels/{name}/rotate-secret")
    @PreAuthorize("hasRole('ADMIN')")
    View rotateSecret(@PathVariable String name, @RequestParam(required = false) String overlap) {
        NotifyChannels.WithSecret rotated = channels.rotateSecret(name, PolicyJson.duration("overlap", overlap));
        return View.of(rotated.channel(), rotated.secret());
    }

    @PostMapping("/api/v1/notify/channels/{name}/test")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Sent> test(@PathVariable String name) {
        NotifyChannels.TestMessage sent = channels.test(name);
        return ResponseEntity.accepted().body(new Sent(sent.messageId(), sent.key()));
    }

    @GetMapping("/api/v1/users/{username}/contact-methods/{id}/webhook-secret")
    Secret contactMethodSecret(@PathVariable String username, @PathVariable long id, Authentication auth) {
        boolean admin =
                auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        if (!admin && !auth.getName().equals(username)) {
            throw new FirebreakException.Forbidden("only the owner or an admin may read a contact method's secret");
        }
        return new Secret(channels.contactMethodSecret(username, id));
    }
}
