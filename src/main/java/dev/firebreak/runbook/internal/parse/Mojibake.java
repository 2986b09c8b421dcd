package dev.firebreak.runbook.internal.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Double-encoded UTF-8: text that was UTF-8, read as Windows-1252 and written again as UTF-8
 * ({@code ðŸš¨} for 🚨, {@code â†’} for →). A run is repaired only when its Windows-1252 bytes form
 * exactly one valid UTF-8 sequence, so ordinary Latin text stays as it is.
 */
final class Mojibake {
    /** Windows-1252 byte of each char that stands for a UTF-8 continuation byte (0x80-0xBF). */
    private static final Map<Character, Integer> CONTINUATION = new HashMap<>();

    static {
        Charset cp1252 = Charset.forName("windows-1252");
        for (int b = 0x80; b <= 0xBF; b++) {
            String decoded = new String(new byte[] {(byte) b}, cp1252);
            char c = decoded.charAt(0);
            if (c == '\uFFFD') {
                c = (char) b; // undefined in Windows-1252: writers pass it through as a C1 control
            }
            CONTINUATION.put(c, b);
            CONTINUATION.putIfAbsent((char) b, b);
        }
    }

    /** The repaired text and the 0-based index of the first repair, or -1 when there was none. */
    record Repair(String text, int firstIndex) {}

    private Mojibake() {}

    static Repair repair(String text) {
        StringBuilder out = null;
        int first = -1;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            char lead = text.charAt(i);
            int length = sequenceLength(lead);
            if (length == 0 || i + length > text.length()) {
                continue;
            }
            byte[] bytes = new byte[length];
            bytes[0] = (byte) lead;
            boolean candidate = true;
            for (int k = 1; k < length && candidate; k++) {
                Integer b = CONTINUATION.get(text.charAt(i + k));
                candidate = b != null;
                if (candidate) {
                    bytes[k] = (byte) b.intValue();
                }
            }
            String decoded = candidate ? decode(bytes) : null;
            if (decoded == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
                first = i;
            }
            out.append(text, copied, i).append(decoded);
            copied = i + length;
            i += length - 1;
        }
        if (out == null) {
            return new Repair(text, -1);
        }
        out.append(text, copied, text.length());
        return new Repair(out.toString(), first);
    }

    private static int sequenceLength(char lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    private static String decode(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
