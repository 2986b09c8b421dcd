package dev.firebreak.alert.internal.intake;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alertmanager's alert fingerprint (prometheus/common model.LabelSet.Fingerprint): FNV-1a 64 over
 * the label names in byte order, each name and value followed by the separator byte 0xff, written
 * as 16 hex digits.
 */
public final class Fingerprints {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final int SEPARATOR = 0xff;

    private Fingerprints() {}

    public static long of(Map<String, String> labels) {
        // Go sorts label names as byte strings; for UTF-8 that is code point order, which TreeMap
        // matches except for surrogate pairs, so compare the UTF-8 bytes to be exact.
        TreeMap<byte[], byte[]> sorted = new TreeMap<>(java.util.Arrays::compareUnsigned);
        labels.forEach((name, value) -> sorted.put(utf8(name), utf8(value)));
        long hash = OFFSET;
        for (Map.Entry<byte[], byte[]> label : sorted.entrySet()) {
            hash = add(hash, label.getKey());
            hash = addByte(hash, SEPARATOR);
            hash = add(hash, label.getValue());
            hash = addByte(hash, SEPARATOR);
        }
        return hash;
    }

    public static String hex(Map<String, String> labels) {
        return java.util.HexFormat.of().toHexDigits(of(labels));
    }

    /** A PagerDuty dedup_key's fingerprint, namespaced by its integration. */
    public static String ofDedupKey(long integrationId, String dedupKey) {
        return hex(Map.of("__integration__", Long.toString(integrationId), "__dedup_key__", dedupKey));
    }

    /**
     * A 64-bit hash of what a refresh may change besides its timing: labels, annotations and
     * generator URL, in any map order. Equal hashes mean nothing to rewrite; a change goes unnoticed
     * only on a 1 in 2^64 collision.
     */
    public static long content(Map<String, String> labels, Map<String, String> annotations, String generatorUrl) {
        long hash = OFFSET;
        hash = (hash ^ unordered(labels)) * PRIME;
        hash = (hash ^ unordered(annotations)) * PRIME;
        return generatorUrl == null ? hash : mix(addChars(hash, generatorUrl));
    }

    /** Order-independent: the sum of each entry's mixed hash. */
    private static long unordered(Map<String, String> map) {
        long sum = map == null ? 0 : map.size();
        if (map != null) {
            for (Map.Entry<String, String> e : map.entrySet()) {
                sum += mix(
                        addByte(addChars(addByte(addChars(OFFSET, e.getKey()), SEPARATOR), e.getValue()), SEPARATOR));
            }
        }
        return sum;
    }

    private static long addChars(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * PRIME;
        }
        return hash;
    }

    /** MurmurHash3's finalizer, so that summed entry hashes do not cancel out. */
    private static long mix(long h) {
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static long add(long hash, byte[] bytes) {
        for (byte b : bytes) {
            hash = addByte(hash, b & 0xff);
        }
        return hash;
    }

    private static long addByte(long hash, int b) {
        return (hash ^ b) * PRIME;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
