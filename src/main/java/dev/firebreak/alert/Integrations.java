package dev.firebreak.alert;

import dev.firebreak.alert.internal.intake.GenericMappings;
import dev.firebreak.alert.internal.store.IntegrationStore;
import dev.firebreak.platform.FirebreakException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert senders and their secret keys. A key is random, shown once at creation and stored only as
 * its SHA-256 hash. Keys are letters and digits only, so they fit PagerDuty routing keys (32
 * characters, about 190 bits) and Prometheus' basic-auth passwords (43 characters, 256 bits).
 */
@Service
public class Integrations {
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final IntegrationStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final AlertProperties properties;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Every intake request looks its key up; cached per node by the key itself (hashing it per
     * request cost more than the lookup), dropped on any change made here.
     */
    private final ConcurrentHashMap<String, Cached> byKey = new ConcurrentHashMap<>();
    /** Other nodes' changes reach this node's cache within this time. */
    private static final long CACHE_NANOS = 10_000_000_000L;

    private record Cached(Optional<Integration> integration, long until) {}

    Integrations(IntegrationStore store, JsonMapper json, Clock clock, AlertProperties properties) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** A new integration and its one-time key. */
    public record Created(Integration integration, String key) {}

    /**
     * @param ratePerSecond null for firebreak.alerts.default-rate-per-second
     * @param burst null for firebreak.alerts.default-burst
     * @param mappingJson the generic mapping as JSON; required for generic, refused for others
     */
    @Transactional
    public Created create(String name, IntegrationType type, Integer ratePerSecond, Integer burst, String mappingJson) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 200) {
            throw new FirebreakException.BadInput("name", "an integration needs a name of 1 to 200 characters");
        }
        if (type == null) {
            throw new FirebreakException.BadInput("type", "an integration needs a type");
        }
        if (type == IntegrationType.HEARTBEAT) {
            throw new FirebreakException.BadInput(
                    "type", "heartbeat integrations are made by heartbeat monitors (/api/v1/heartbeats)");
        }
        int rate = ratePerSecond == null ? properties.defaultRatePerSecond() : ratePerSecond;
        int bucket = burst == null ? Math.max(properties.defaultBurst(), rate) : burst;
        if (rate < 1 || rate > 1_000_000) {
            throw new FirebreakException.BadInput("ratePerSecond", "ratePerSecond must be between 1 and 1000000");
        }
        if (bucket < 1 || bucket > 1_000_000) {
            throw new FirebreakException.BadInput("burst", "burst must be between 1 and 1000000");
        }
        GenericMapping mapping = null;
        if (type == IntegrationType.GENERIC) {
            if (mappingJson == null || mappingJson.isBlank()) {
                throw new FirebreakException.BadInput("mapping", "a generic integration needs a mapping");
            }
            mapping = GenericMappings.parse(json, mappingJson);
        } else if (mappingJson != null && !mappingJson.isBlank() && !"null".equals(mappingJson.strip())) {
            throw new FirebreakException.BadInput("mapping", "only generic integrations take a mapping");
        }
        if (store.nameTaken(label)) {
            throw new FirebreakException.Conflict("an integration named '" + label + "' exists");
        }
        String key = newKey(type == IntegrationType.EVENTS_V2 ? 32 : 43);
        long id = store.insert(label, type, hash(key), key.substring(0, 6), rate, bucket, mapping, clock.instant());
        byKey.clear();
        return new Created(store.find(id).orElseThrow(), key);
    }

    /**
     * The integration a built-in path sends as (amtool's {@code alert add} with a user's token),
     * made on first use with a key nobody holds; an admin may disable it like any other.
     */
    public Integration builtIn(String name, IntegrationType type) {
        Optional<Integration> found = byName(name, type);
        if (found.isPresent()) {
            return found.get();
        }
        try {
            return create(name, type, null, null, null).integration();
        } catch (FirebreakException.Conflict | org.springframework.dao.DuplicateKeyException e) {
            // Another node made it first, or an admin named another integration so.
            return byName(name, type)
                    .orElseThrow(() -> new FirebreakException.Conflict("an integration named '" + name
                            + "' of another type exists; rename it so the built-in one can be made"));
        }
    }

    private Optional<Integration> byName(String name, IntegrationType type) {
        return store.list().stream()
                .filter(i -> i.name().equals(name) && i.type() == type)
                .findFirst();
    }

    public List<Integration> list() {
        return store.list();
    }

    public Integration get(long id) {
        return store.find(id).orElseThrow(() -> new FirebreakException.NotFound("no integration " + id));
    }

    /** Deletes the integration and the alerts it sent. */
    @Transactional
    public void delete(long id) {
        if (!store.delete(id)) {
            throw new FirebreakException.NotFound("no integration " + id);
        }
        byKey.clear();
    }

    @Transactional
    public Integration setEnabled(long id, boolean enabled) {
        if (!store.setEnabled(id, enabled)) {
            throw new FirebreakException.NotFound("no integration " + id);
        }
        byKey.clear();
        return get(id);
    }

    /** The enabled integration with this key, or empty. */
    public Optional<Integration> authenticate(String key) {
        if (key == null || key.isEmpty() || key.length() > 100) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Cached cached = byKey.get(key);
        if (cached == null || now - cached.until() > 0) {
            if (byKey.size() > 10_000) {
                byKey.clear();
            }
            cached = new Cached(store.findByKeyHash(hash(key)), now + CACHE_NANOS);
            byKey.put(key, cached);
        }
        return cached.integration().filter(Integration::enabled);
    }

    static String newKey(int length) {
        StringBuilder key = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return key.toString();
    }

    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
