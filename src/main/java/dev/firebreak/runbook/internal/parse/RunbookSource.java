package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.UnreadableRunbookException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a runbook as the parser sees it: checked to be UTF-8 text within the size limit,
 * mojibake repaired, and YAML front matter blanked out (its lines kept, so line numbers still count
 * from the first line of the file).
 *
 * @param body the Markdown with the front matter lines emptied
 * @param frontMatter the front matter keys, in file order (empty when there is none)
 * @param mojibakeLine 1-based line of the first repaired mojibake, or 0 when there was none
 */
public record RunbookSource(String body, Map<String, Object> frontMatter, int mojibakeLine) {
    /** Files above 10 MiB are refused: runbooks are documents, not data dumps. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final Pattern FRONT_MATTER =
            Pattern.compile("\\A---\\r?\\n[\\s\\S]*?\\r?\\n---[ \\t]*(\\r?\\n|\\z)");

    public static RunbookSource read(String name, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new UnreadableRunbookException(
                    name + ": too large (over the limit of " + MAX_BYTES + " bytes, 10 MiB)");
        }
        int start = content.length >= 3
                        && (content[0] & 0xFF) == 0xEF
                        && (content[1] & 0xFF) == 0xBB
                        && (content[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        for (int i = start; i < content.length; i++) {
            if (content[i] == 0) {
                throw new UnreadableRunbookException(name + ": binary content (NUL byte at offset " + i + ")");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableRunbookException(name + ": not UTF-8 text (" + e.getMessage() + ")");
        }
        if (text.isBlank()) {
            throw new UnreadableRunbookException(name + ": empty");
        }
        Mojibake.Repair repair = Mojibake.repair(text);
        text = repair.text();
        int mojibakeLine = repair.firstIndex() < 0 ? 0 : lineOf(text, repair.firstIndex());
        Matcher m = FRONT_MATTER.matcher(text);
        if (!m.find()) {
            return new RunbookSource(text, Map.of(), mojibakeLine);
        }
        String block = m.group();
        String blanked = "\n".repeat((int) block.chars().filter(c -> c == '\n').count());
        return new RunbookSource(blanked + text.substring(m.end()), FrontMatter.parse(block), mojibakeLine);
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
