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
 * ${POD}}) and the script with each replaced by a quoted reference to an environment variable that
 * carries its value. The scan follows the shell's quoting so the reference fits where the placeholder
 * sits (bare, inside double or single quotes); a label such as {@code x; rm -rf /} is only ever data.
 */
public final class CommandParameters {

    /** A placeholder as written and its name: lower case, {@code -} and {@code .} as {@code _}. */
    public record Placeholder(String token, String name) {}

    /**
     * The script to run with each placeholder replaced by a reference to its variable, the variables
     * with their values, and the placeholders no value was given for (then nothing may run).
     */
    public record Rendered(String script, Map<String, String> environment, List<String> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    private static final Pattern ANGLE = Pattern.compile("<([A-Za-z][A-Za-z0-9_.-]*)>");
    // <<EOF, <<-EOF, << 'EOF', <<"EOF": group 1 strips tabs, group 2 quotes (no expansion), group 3 the word.
    private static final Pattern HEREDOC = Pattern.compile("<<(-)?[ \\t]*(['\"])?([A-Za-z_][A-Za-z0-9_]*)\\2?");
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

    /**
     * Fills each placeholder from {@code values} (keyed by name); a missing one is listed, not run. A
     * value never enters the script's text: the placeholder becomes a quoted reference to a variable
     * ({@code "${FB_POD_NAME}"}) that the run's environment carries, so the shell expands it as data
     * and never parses it, in any context (quotes, heredocs, backquotes, {@code $'...'}).
     */
    public static Rendered render(String script, Map<String, String> values) {
        Set<String> missing = new LinkedHashSet<>();
        Map<String, String> environment = new LinkedHashMap<>();
        String out = scan(script, (token, name, context) -> {
            String value = values.get(name);
            if (value == null) {
                missing.add(token);
                return token;
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("the value for " + token + " contains a NUL character");
            }
            // Bash runs a$(...) subscripts when it evaluates a variable in arithmetic ($(( )), [[ -gt ]]).
            if (value.indexOf('[') >= 0 && (value.indexOf('$') >= 0 || value.indexOf('`') >= 0)) {
                throw new IllegalArgumentException("the value for " + token
                        + " holds '[' with '$' or a backquote, which bash would run in an arithmetic context");
            }
            String variable = variable(name);
            environment.put(variable, value);
            return switch (context) {
                case BARE -> "\"${" + variable + "}\"";
                case DOUBLE, HEREDOC -> "${" + variable + "}";
                case SINGLE -> "'\"${" + variable + "}\"'"; // leave the quotes, expand, open them again
            };
        });
        return new Rendered(out, Map.copyOf(environment), List.copyOf(missing));
    }

    /** The environment variable that carries placeholder {@code name}: {@code pod_name} is {@code FB_POD_NAME}. */
    public static String variable(String name) {
        return "FB_" + name.toUpperCase(Locale.ROOT);
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
        SINGLE,
        /** The body of a heredoc whose delimiter is not quoted: expanded, but quotes are plain text. */
        HEREDOC
    }

    private interface Replacer {
        String replace(String token, String name, Context context);
    }

    private static String scan(String script, Replacer replacer) {
        Set<String> assigned = assignedVariables(script);
        StringBuilder out = new StringBuilder(script.length() + 16);
        Context context = Context.BARE;
        int i = 0;
        List<Heredoc> heredocs = new java.util.ArrayList<>();
        java.util.ArrayDeque<Frame> frames = new java.util.ArrayDeque<>();
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\n' && context == Context.BARE && !heredocs.isEmpty()) {
                out.append(c);
                i = heredocBodies(script, i + 1, heredocs, out, assigned, replacer);
                heredocs.clear();
                continue;
            }
            if (context == Context.BARE && script.startsWith("<<", i) && !script.startsWith("<<<", i)) {
                Matcher m = HEREDOC.matcher(script).region(i, script.length());
                if (m.lookingAt()) {
                    heredocs.add(new Heredoc(m.group(3), m.group(2) != null, m.group(1) != null));
                    out.append(m.group());
                    i = m.end();
                    continue;
                }
            }
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
            // $( ... ) and `...` start a new command, with its own quoting, even inside double quotes.
            if (context != Context.SINGLE && script.startsWith("$(", i) && !script.startsWith("$((", i)) {
                frames.push(new Frame(context, false));
                context = Context.BARE;
                out.append("$(");
                i += 2;
                continue;
            }
            if (c == '`' && context != Context.SINGLE) {
                if (context == Context.BARE
                        && !frames.isEmpty()
                        && frames.peek().backquote()) {
                    context = frames.pop().outer();
                } else {
                    frames.push(new Frame(context, true));
                    context = Context.BARE;
                }
            } else if (context == Context.BARE
                    && !frames.isEmpty()
                    && !frames.peek().backquote()
                    && c == '(') {
                frames.peek().depth++;
            } else if (context == Context.BARE
                    && !frames.isEmpty()
                    && !frames.peek().backquote()
                    && c == ')') {
                if (frames.peek().depth == 0) {
                    context = frames.pop().outer();
                } else {
                    frames.peek().depth--;
                }
            } else if (c == '\'' && context != Context.DOUBLE) {
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

    private record Heredoc(String delimiter, boolean quoted, boolean stripTabs) {}

    /** A command substitution being scanned: the quoting outside it, and its open parentheses. */
    private static final class Frame {
        private final Context outer;
        private final boolean backquote;
        int depth;

        Frame(Context outer, boolean backquote) {
            this.outer = outer;
            this.backquote = backquote;
        }

        Context outer() {
            return outer;
        }

        boolean backquote() {
            return backquote;
        }
    }

    /** Copies the bodies of the heredocs opened on the line just ended, filling placeholders in expanded ones. */
    private static int heredocBodies(
            String script, int i, List<Heredoc> heredocs, StringBuilder out, Set<String> assigned, Replacer replacer) {
        for (Heredoc heredoc : heredocs) {
            while (i < script.length()) {
                int end = script.indexOf('\n', i);
                end = end < 0 ? script.length() : end;
                String line = script.substring(i, end);
                boolean last = (heredoc.stripTabs() ? line.replaceFirst("^\t+", "") : line).equals(heredoc.delimiter());
                out.append(last || heredoc.quoted() ? line : placeholders(line, assigned, replacer));
                if (end < script.length()) {
                    out.append('\n');
                }
                i = end + 1;
                if (last) {
                    break;
                }
            }
        }
        return Math.min(i, script.length());
    }

    /** A heredoc line's placeholders, each as a reference that the shell expands there. */
    private static String placeholders(String line, Set<String> assigned, Replacer replacer) {
        StringBuilder out = new StringBuilder(line.length() + 16);
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            Matcher angle = ANGLE.matcher(line).region(i, line.length());
            Matcher dollar = DOLLAR.matcher(line).region(i, line.length());
            if (c == '\\' && i + 1 < line.length()) {
                out.append(c).append(line.charAt(i + 1));
                i += 2;
            } else if (c == '<' && angle.lookingAt()) {
                out.append(replacer.replace(angle.group(), normalize(angle.group(1)), Context.HEREDOC));
                i = angle.end();
            } else if (c == '$' && dollar.lookingAt() && placeholder(dollar, assigned)) {
                String variable = dollar.group(1) != null ? dollar.group(1) : dollar.group(2);
                out.append(replacer.replace(dollar.group(), normalize(variable), Context.HEREDOC));
                i = dollar.end();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean placeholder(Matcher dollar, Set<String> assigned) {
        String variable = dollar.group(1) != null ? dollar.group(1) : dollar.group(2);
        return !SHELL_VARIABLES.contains(variable) && !assigned.contains(variable);
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
