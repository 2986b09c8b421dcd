package dev.firebreak.runbook.internal.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A link destination: normalized the way CommonMark renderers write {@code href} (characters
 * outside the URL-safe set percent-encoded, existing escapes kept), classified as anchor, relative
 * or external, and resolved against the document's headings or the files beside it.
 */
final class LinkTarget {
    static final String ANCHOR = "anchor";
    static final String RELATIVE = "relative";
    static final String EXTERNAL = "external";

    private static final String SAFE = ";/?:@&=+$,-_.!~*'()#";
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private LinkTarget() {}

    static String normalize(String destination) {
        StringBuilder out = new StringBuilder(destination.length());
        byte[] bytes = destination.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2])) {
                out.append('%');
            } else if (b < 0x80 && (Character.isLetterOrDigit(b) || SAFE.indexOf(b) >= 0)) {
                out.append((char) b);
            } else {
                out.append('%').append(String.format("%02X", b));
            }
        }
        return out.toString();
    }

    static String kind(String target) {
        if (target.startsWith("#")) {
            return ANCHOR;
        }
        return SCHEME.matcher(target).find() || target.startsWith("//") ? EXTERNAL : RELATIVE;
    }

    /** The anchor a target names, decoded, without the leading '#'. */
    static String anchor(String target) {
        return decode(target.substring(1));
    }

    /** Whether a relative target exists beside the document; null when there is no directory. */
    static Boolean fileExists(String target, Path baseDir) {
        if (baseDir == null) {
            return null;
        }
        String path = target;
        int cut = indexOfAny(path, "#?");
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        if (path.isEmpty()) {
            return true;
        }
        try {
            return Files.exists(baseDir.resolve(decode(path)).normalize());
        } catch (InvalidPathException e) {
            return false;
        }
    }

    static String decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2])) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean hex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
