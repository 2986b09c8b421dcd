package dev.firebreak.notify.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verification codes: six random digits, stored as a salted HMAC-SHA256. A code lives minutes and
 * allows a few tries, so a fast hash is enough; the salt keeps equal codes from looking equal.
 */
public final class CodeHash {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "h1:";

    private CodeHash() {}

    public static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    public static String hash(String code) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + b64.encodeToString(salt) + ":" + b64.encodeToString(mac(salt, code));
    }

    public static boolean matches(String code, String stored) {
        if (code == null || stored == null || !stored.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = stored.substring(PREFIX.length()).split(":");
        if (parts.length != 2) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[0]);
        return MessageDigest.isEqual(mac(salt, code), Base64.getDecoder().decode(parts[1]));
    }

    private static byte[] mac(byte[] salt, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
