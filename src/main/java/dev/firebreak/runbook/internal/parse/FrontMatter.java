package dev.firebreak.runbook.internal.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The flat YAML that Hugo and Jekyll front matter uses: {@code key: value} lines and block lists
 * ({@code key:} followed by {@code - item} lines). Nested maps are kept as their raw text.
 */
final class FrontMatter {
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");

    private FrontMatter() {}

    static Map<String, Object> parse(String block) {
        Map<String, Object> keys = new LinkedHashMap<>();
        String[] lines = LINE_BREAK.split(block);
        String listKey = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().equals("---")
                    || line.isBlank()
                    || line.stripLeading().startsWith("#")) {
                continue;
            }
            String stripped = line.strip();
            if (listKey != null && (Character.isWhitespace(line.charAt(0)) || stripped.startsWith("- "))) {
                if (stripped.startsWith("- ") && keys.get(listKey) instanceof List<?> list) {
                    @SuppressWarnings("unchecked")
                    List<Object> items = (List<Object>) list;
                    items.add(scalar(stripped.substring(2)));
                } else if (keys.get(listKey) instanceof String s) {
                    keys.put(listKey, s.isEmpty() ? stripped : s + "\n" + stripped);
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.isEmpty()) {
                listKey = key;
                boolean listFollows =
                        i + 1 < lines.length && lines[i + 1].strip().startsWith("- ");
                keys.put(key, listFollows ? new ArrayList<>() : "");
            } else {
                listKey = null;
                keys.put(key, scalar(value));
            }
        }
        return keys;
    }

    private static Object scalar(String value) {
        String v = value.strip();
        if (v.length() >= 2 && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
            return v.substring(1, v.length() - 1);
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        if (INTEGER.matcher(v).matches()) {
            return Long.parseLong(v);
        }
        return v;
    }
}
