package dev.firebreak.execution.internal;

import dev.firebreak.execution.OutputSink;
import dev.firebreak.execution.SecretRedactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a process's output to its end: line by line (so a secret is redacted whole), redacted, kept
 * up to the cap and passed to the sink in order; past the cap it only counts, so the process never
 * blocks on a full pipe.
 */
final class OutputCapture {

    // A line longer than this is passed on in pieces; a secret split across them may escape the patterns.
    private static final int MAX_LINE = 64 * 1024;

    private final SecretRedactor redactor;
    private final OutputSink sink;
    private final long cap;
    private final StringBuilder kept = new StringBuilder();
    private long keptBytes;
    private long droppedBytes;
    private boolean inKey;
    private static final java.util.regex.Pattern KEY_BEGIN =
            java.util.regex.Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    private static final java.util.regex.Pattern KEY_END =
            java.util.regex.Pattern.compile("-----END [A-Z0-9 ]*PRIVATE KEY-----");

    OutputCapture(SecretRedactor redactor, OutputSink sink, long cap) {
        this.redactor = redactor;
        this.sink = sink;
        this.cap = cap;
    }

    void drain(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                line.write(buffer[i]);
                if (buffer[i] == '\n' || line.size() >= MAX_LINE) {
                    emit(line);
                }
            }
        }
        emit(line);
    }

    private void emit(ByteArrayOutputStream line) {
        if (line.size() == 0) {
            return;
        }
        int raw = line.size();
        if (keptBytes >= cap) {
            droppedBytes += raw;
            line.reset();
            return;
        }
        // NUL cannot be stored in a PostgreSQL text column; a private key is hidden whole, line by line.
        String text = pem(line.toString(StandardCharsets.UTF_8).replace('\0', '\uFFFD'));
        line.reset();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (keptBytes + bytes.length > cap) {
            int room = (int) (cap - keptBytes);
            text = new String(bytes, 0, room, StandardCharsets.UTF_8).replace("\uFFFD", "");
            droppedBytes += raw - Math.min(raw, room);
            keptBytes = cap;
        } else {
            keptBytes += bytes.length;
        }
        kept.append(text);
        sink.accept(text);
    }

    /** A private key's lines are hidden from BEGIN to END: the redactor sees one line at a time. */
    private String pem(String text) {
        if (!inKey && KEY_BEGIN.matcher(text).find()) {
            inKey = true;
        }
        if (inKey) {
            if (KEY_END.matcher(text).find()) {
                inKey = false;
            }
            return text.endsWith("\n") ? SecretRedactor.MASK + "\n" : SecretRedactor.MASK;
        }
        return redactor.redact(text);
    }

    String output() {
        return kept.toString();
    }

    long droppedBytes() {
        return droppedBytes;
    }
}
