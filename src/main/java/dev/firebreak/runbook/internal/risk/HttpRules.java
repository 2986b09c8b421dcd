package dev.firebreak.runbook.internal.risk;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** HTTP clients (curl, wget, httpie): risk follows the request method, GET being read-only. */
final class HttpRules {

    /** curl short options that take a value, so "-XPOST" and "-sX POST" both name the method. */
    private static final String CURL_SHORT_VALUES = "dFTXoHuAebcwmxrKEDzCyYUQtP";

    private static final Set<String> CURL_DATA = Set.of(
            "--data",
            "--data-raw",
            "--data-binary",
            "--data-urlencode",
            "--data-ascii",
            "--json",
            "--form",
            "--form-string");
    private static final Set<String> CURL_LONG_VALUES = Vocabulary.of("""
            --request --data --data-raw --data-binary --data-urlencode --data-ascii --json --form --form-string
            --upload-file --output --header --user --user-agent --cookie --cookie-jar --write-out --max-time
            --connect-timeout --proxy --range --config --cert --key --cacert --resolve --retry --url --referer
            --output-dir --oauth2-bearer --connect-to
            """);

    private HttpRules() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put("curl", HttpRules::curl);
        rules.put("wget", HttpRules::wget);
        for (String httpie : new String[] {"http", "https", "xh", "xhs"}) {
            rules.put(httpie, HttpRules::httpie);
        }
    }

    /** The verdict for a request method; sending data without a method implies POST. */
    static Verdict method(String client, String method, boolean sendsData) {
        String m = method == null ? (sendsData ? "POST" : "GET") : method.toUpperCase(Locale.ROOT);
        String request = method == null && sendsData ? client + " sends a " + m + " request that" : client + " " + m;
        return switch (m) {
            case "GET", "HEAD", "OPTIONS" -> Verdict.readOnly(request + " only reads");
            case "DELETE" -> Verdict.destructive(request + " deletes a remote resource");
            default -> Verdict.mutating(request + " changes a remote resource");
        };
    }

    private static Verdict curl(Invocation inv) {
        List<String> args = inv.args();
        String method = null;
        boolean data = false;
        boolean head = false;
        String output = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                String value = eq >= 0 ? arg.substring(eq + 1) : null;
                if (value == null && CURL_LONG_VALUES.contains(name)) {
                    value = i + 1 < args.size() ? args.get(++i) : "";
                }
                if (name.equals("--request")) {
                    method = value;
                } else if (CURL_DATA.contains(name) || name.equals("--upload-file")) {
                    data = true;
                } else if (name.equals("--head")) {
                    head = true;
                } else if (name.equals("--output")) {
                    output = value;
                }
            } else if (arg.length() > 1 && arg.charAt(0) == '-') {
                for (int j = 1; j < arg.length(); j++) {
                    char c = arg.charAt(j);
                    if (CURL_SHORT_VALUES.indexOf(c) >= 0) {
                        String value = j + 1 < arg.length()
                                ? arg.substring(j + 1)
                                : (i + 1 < args.size() ? args.get(++i) : "");
                        if (c == 'X') {
                            method = value;
                        } else if (c == 'd' || c == 'F' || c == 'T') {
                            data = true;
                        } else if (c == 'o') {
                            output = value;
                        }
                        break;
                    }
                    head |= c == 'I';
                }
            }
        }
        if (head && method == null) {
            method = "HEAD";
        }
        Verdict verdict = method(method != null ? "curl -X" : data ? "curl -d" : "curl", method, data);
        if (output != null && !Redirect.harmlessTarget(output)) {
            verdict = Verdict.max(verdict, Verdict.mutating("curl -o writes to " + output));
        }
        return verdict;
    }

    private static Verdict wget(Invocation inv) {
        String method = inv.value("--method");
        boolean data = inv.args().stream().anyMatch(a -> a.startsWith("--post-") || a.startsWith("--body-"));
        Verdict verdict = method("wget", method, data);
        String output = inv.value("-O", "--output-document");
        if (output != null && !Redirect.harmlessTarget(output)) {
            verdict = Verdict.max(verdict, Verdict.mutating("wget -O writes to " + output));
        }
        return verdict;
    }

    /** http [METHOD] URL [items]: key=value and key:=json items are body data, implying POST. */
    private static Verdict httpie(Invocation inv) {
        List<String> positionals = inv.positionals(Vocabulary.of("""
                -a --auth -A --auth-type -o --output --session --verify --cert --timeout --proxy --pretty -s --style
                -p --print
                """));
        String method = null;
        int url = 0;
        if (!positionals.isEmpty() && positionals.get(0).chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            method = positionals.get(0);
            url = 1;
        }
        boolean data = inv.has("-f", "--form");
        for (int i = url + 1; i < positionals.size(); i++) {
            String item = positionals.get(i);
            int colon = item.indexOf(':');
            int equals = item.indexOf('=');
            boolean query = item.contains("==");
            if (!query && equals > 0 && (colon < 0 || colon >= equals - 1)) {
                data = true;
            }
        }
        return method(inv.name(), method, data);
    }
}
