package dev.firebreak.runbook.internal.library;

import dev.firebreak.runbook.UnreadableRunbookException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checks raw bytes before they are stored as text. The parser checks too; this guard keeps the
 * library from storing content it could not give back byte for byte (binary, not UTF-8).
 */
public final class RunbookContent {
    private RunbookContent() {}

    /** The bytes as UTF-8 text, or UnreadableRunbookException for empty, binary or non-UTF-8 input. */
    public static String text(String name, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableRunbookException(name + ": the runbook is empty");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new UnreadableRunbookException(name + ": binary content (NUL bytes) is not a runbook");
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableRunbookException(name + ": the content is not UTF-8 text");
        }
    }

    /** Hex SHA-256 of the raw bytes: the identity of a version's content. */
    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
