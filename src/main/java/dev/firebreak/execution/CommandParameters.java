package dev.firebreak.execution;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a runbook command is written with ({@code <pod-name>}, {@code $NAMESPACE}, {@code
 * ${POD}}) and the script with each filled in as exactly one shell word. The scan follows the shell's
 * quoting, so a value is quoted for where it lands: bare, inside double quotes or inside single
 * quotes; a label such as {@code x; rm -rf /} stays data wherever the runbook put its placeholder.
 */
public final class CommandParameters {

    /** A placeholder as written and its name: lower case, {@code -} and {@code .} as {@code _}. */
    public record Placeholder(String token, String name) {}

    /** The script to run, or the placeholders no value was given for (then nothing may run). */
    public record Rendered(String script, List<String> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    private static final Pattern ANGLE = Pattern.compile("<([A-Za-z][A-Za-z0-9_.-]*)>");
    private static final Pattern DOLLAR = Pattern.compile("\\$(?:\\{([A-Z_][A-Z0-9_]*)}|([A-Z_][A-Z0-9_]*))");
    private static final Pattern ASSIGNED =
            Pattern.compile("(?:^|[\\s;&|(])(?:export\\s+|local\\s+|readonly\\s+)?([A-Z_][A-Z0-9_]*)=|"
                    + "\\bfor\\s+([A-Z_][A-Z0-9_]*)\\s+in\\b|\\bread\\s+(?:-\\w+\\s+)*([A-Z_][A-Z0-9_]*)");
    // The shell's own and the environment's variables are not the runbook's placeholders.
    private static final Set<String> SHELL_VARIABLES = Set.of(
            "_",
            "HOME",
            "PATH",
            "PWD",
            "OLDPWD",
            "USER",
            "LOGNAME",
            "SHELL",
            "HOSTNAME",
            "RANDOM",
            "LINENO",
            "SECONDS",
            "IFS",
            "UID",
            "EUID",
            "PPID",
            "TMPDIR",
            "LANG",
            "LC_ALL",
            "TERM",
            "BASH",
            "BASHPID",
            "BASH_SOURCE",
            "BASH_VERSION",
            "FUNCNAME",
            "PIPESTATUS",
            "REPLY",
            "OPTARG",
            "OPTIND",
            "EDITOR");

    private CommandParameters() {}

    /** Every placeholder of the script in order of first appearance, once each. */
    public static List<Placeholder> find(String script) {
        Map<String, Placeholder> found = new LinkedHashMap<>();
        scan(script, (token, name, context) -> {
            found.putIfAbsent(name, new Placeholder(token, name));
            return token;
        });
        return List.copyOf(found.values());
    }

    /** Fills each placeholder from {@code values} (keyed by name); a missing one is listed, not run. */
    public static Rendered render(String script, Map<String, String> values) {
        Set<String> missing = new LinkedHashSet<>();
        String out = scan(script, (token, name, context) -> {
            String value = values.get(name);
            if (value == null) {
                missing.add(token);
                return token;
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("the value for " + token + " contains a NUL character");
            }
            return switch (context) {
                case BARE -> quote(value);
                case DOUBLE -> value.replaceAll("([\\\\$`\"])", "\\\\$1");
                case SINGLE -> value.replace("'", "'\\''");
            };
        });
        return new Rendered(out, List.copyOf(missing));
    }

    /** One shell word that is exactly {@code value}. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /**
     * Values for the placeholders from an alert's labels: an admin's mapping first (placeholder name to
     * label), then a label of the same name ({@code pod-name} also tries {@code pod}).
     */
    public static Map<String, String> fromLabels(
            List<Placeholder> placeholders, Map<String, String> labels, Map<String, String> mapping) {
        Map<String, String> byName = new LinkedHashMap<>();
        labels.forEach((k, v) -> byName.putIfAbsent(normalize(k), v));
        Map<String, String> values = new LinkedHashMap<>();
        for (Placeholder p : placeholders) {
            String mapped = mapping.get(p.name());
            String value = mapped != null ? labels.get(mapped) : byName.get(p.name());
            if (value == null && mapped == null && p.name().endsWith("_name")) {
                value = byName.get(p.name().substring(0, p.name().length() - "_name".length()));
            }
            if (value != null) {
                values.put(p.name(), value);
            }
        }
        return values;
    }

    public static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    private enum Context {
        BARE,
        DOUBLE,
        SINGLE
    }

    private interface Replacer {
        String replace(String token, String name, Context context);
    }

    private static String scan(String script, Replacer replacer) {
        Set<String> assigned = assignedVariables(script);
        StringBuilder out = new StringBuilder(script.length() + 16);
        Context context = Context.BARE;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (context != Context.SINGLE && c == '\\' && i + 1 < script.length()) {
                out.append(c).append(script.charAt(i + 1));
                i += 2;
                continue;
            }
            if (context == Context.BARE && c == '#' && (i == 0 || Character.isWhitespace(script.charAt(i - 1)))) {
                int end = script.indexOf('\n', i);
                end = end < 0 ? script.length() : end;
                out.append(script, i, end); // a comment's placeholders are prose
                i = end;
                continue;
            }
            if (c == '\'' && context != Context.DOUBLE) {
                context = context == Context.SINGLE ? Context.BARE : Context.SINGLE;
            } else if (c == '"' && context != Context.SINGLE) {
                context = context == Context.DOUBLE ? Context.BARE : Context.DOUBLE;
            } else if (c == '<') {
                Matcher m = ANGLE.matcher(script).region(i, script.length());
                if (m.lookingAt()) {
                    out.append(replacer.replace(m.group(), normalize(m.group(1)), context));
                    i = m.end();
                    continue;
                }
            } else if (c == '$' && context != Context.SINGLE) {
                Matcher m = DOLLAR.matcher(script).region(i, script.length());
                if (m.lookingAt()) {
                    String variable = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!SHELL_VARIABLES.contains(variable) && !assigned.contains(variable)) {
                        out.append(replacer.replace(m.group(), normalize(variable), context));
                        i = m.end();
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static Set<String> assignedVariables(String script) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = ASSIGNED.matcher(script);
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null) {
                    names.add(m.group(g));
                }
            }
        }
        return names;
    }
}
