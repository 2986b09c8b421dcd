package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak user rules show|set}: which contact method a page tries, and after how long. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "Show or set notification rules (\"email at once, push after 2 minutes\").",
        subcommands = {UserRulesCommand.Show.class, UserRulesCommand.Set.class})
final class UserRulesCommand implements Callable<Integer> {
    private static final Pattern RULE = Pattern.compile("(?i)(high|low):(\\d+)(?::(.+))?");
    private static final Pattern DELAY = Pattern.compile("(?i)(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s?)?");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a person's rules (default: yours).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(arity = "0..1", paramLabel = "USER")
        String user;

        @Override
        public Integer call() {
            ApiClient client = api.client();
            String path = UserCommand.path(UserCommand.userOrMe(client, user));
            print(spec.commandLine().getOut(), client.getJson(path + "/notification-rules"), client.getJson(path));
            return 0;
        }
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Replace a person's rules: URGENCY:METHOD_ID[:DELAY], e.g. high:12 high:13:2m low:12:1h.")
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--user", paramLabel = "USER", description = "Whose rules (default: yours).")
        String user;

        @Option(names = "--clear", description = "Remove all rules (pages then try each method a minute apart).")
        boolean clear;

        @Parameters(arity = "0..*", paramLabel = "RULE", description = "URGENCY:METHOD_ID[:DELAY] (DELAY: 90s, 2m, 1h)")
        List<String> rules = new ArrayList<>();

        @Override
        public Integer call() {
            if (rules.isEmpty() && !clear) {
                throw new CliException("give rules such as high:12 high:13:2m, or --clear", 2);
            }
            if (!rules.isEmpty() && clear) {
                throw new CliException("give rules or --clear, not both", 2);
            }
            List<Map<String, Object>> body = new ArrayList<>();
            for (String text : rules) {
                body.add(rule(text));
            }
            ApiClient client = api.client();
            String path = UserCommand.path(UserCommand.userOrMe(client, user));
            JsonNode saved = client.putJson(
                    path + "/notification-rules", ApiClient.json().writeValueAsString(Map.of("rules", body)));
            print(spec.commandLine().getOut(), saved, client.getJson(path));
            return 0;
        }
    }

    static Map<String, Object> rule(String text) {
        Matcher m = RULE.matcher(text.strip());
        if (!m.matches()) {
            throw new CliException("'" + text + "' is not a rule such as high:12 or low:13:5m", 2);
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("urgency", m.group(1).toLowerCase(Locale.ROOT));
        rule.put("contactMethodId", Long.parseLong(m.group(2)));
        rule.put("delaySeconds", m.group(3) == null ? 0 : seconds(m.group(3)));
        return rule;
    }

    static long seconds(String text) {
        Matcher m = DELAY.matcher(text.strip());
        if (text.isBlank() || !m.matches()) {
            throw new CliException("'" + text + "' is not a delay such as 90s, 2m or 1h", 2);
        }
        return part(m.group(1)) * 3600 + part(m.group(2)) * 60 + part(m.group(3));
    }

    private static long part(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    static void print(PrintWriter out, JsonNode rules, JsonNode person) {
        Map<Long, String> methods = new LinkedHashMap<>();
        for (JsonNode m : person.get("contactMethods")) {
            methods.put(
                    m.get("id").asLong(),
                    UserCommand.text(m, "kind").toLowerCase(Locale.ROOT) + " " + UserCommand.text(m, "address"));
        }
        if (rules.get("rules").isEmpty()) {
            out.println("no rules: a page tries each working contact method in order, a minute apart");
            return;
        }
        out.printf("%-8s %-8s %-10s %s%n", "URGENCY", "AFTER", "METHOD", "ADDRESS");
        for (JsonNode r : rules.get("rules")) {
            long id = r.get("contactMethodId").asLong();
            out.printf(
                    "%-8s %-8s %-10d %s%n",
                    r.get("urgency").asString(),
                    delay(r.get("delaySeconds").asLong()),
                    id,
                    methods.getOrDefault(id, "(removed)"));
        }
    }

    static String delay(long seconds) {
        if (seconds == 0) {
            return "at once";
        }
        StringBuilder out = new StringBuilder();
        if (seconds >= 3600) {
            out.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            out.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0) {
            out.append(seconds % 60).append('s');
        }
        return out.toString();
    }
}
