package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code firebreak user contact verify ID}: sends a code to the method; {@code --code} confirms it;
 * {@code --mark} (admins) marks it verified without one. {@code --status} lists every method's state.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Verify a contact method: send a code, confirm it (--code), or, as an admin, --mark it.")
final class UserContactVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Option(names = "--user", paramLabel = "USER", description = "Whose method (default: yours).")
    String user;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "as `firebreak user show` lists it")
    Long id;

    @Option(names = "--code", paramLabel = "CODE", description = "The 6-digit code from the message.")
    String code;

    @Option(names = "--mark", description = "Mark it verified without a code (admins only).")
    boolean mark;

    @Option(names = "--note", paramLabel = "NOTE", description = "Why, with --mark (kept in the audit).")
    String note;

    @Option(names = "--status", description = "List each contact method's state instead.")
    boolean status;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ApiClient client = api.client();
        String path = UserCommand.path(UserCommand.userOrMe(client, user));
        if (status) {
            out.printf("%-6s %-8s %-13s %s%n", "ID", "KIND", "STATE", "ADDRESS");
            for (JsonNode s : client.getJson(path + "/contact-status")) {
                out.printf(
                        "%-6d %-8s %-13s %s%s%n",
                        s.get("contactMethodId").asLong(),
                        UserCommand.text(s, "kind").toLowerCase(Locale.ROOT),
                        UserCommand.text(s, "state").toLowerCase(Locale.ROOT).replace('_', ' '),
                        UserCommand.text(s, "address"),
                        reason(s));
            }
            return 0;
        }
        if (id == null) {
            throw new CliException("give the contact method's ID (or --status)", 2);
        }
        if (code != null && mark) {
            throw new CliException("give --code or --mark, not both", 2);
        }
        String base = path + "/contact-methods/" + id + "/verification";
        if (code != null) {
            JsonNode confirmed =
                    client.postJson(base + "/confirm", ApiClient.json().writeValueAsString(Map.of("code", code)));
            out.println("verified " + UserCommand.text(confirmed, "address"));
        } else if (mark) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("verified", true);
            body.put("note", note);
            JsonNode marked = client.putJson(base, ApiClient.json().writeValueAsString(body));
            out.println("marked " + UserCommand.text(marked, "address") + " verified");
        } else {
            JsonNode sent = client.postJson(base, "{}");
            out.println("code sent to " + UserCommand.text(sent, "address") + "; it expires at "
                    + UserCommand.text(sent, "expiresAt") + ". Confirm with: firebreak user contact verify " + id
                    + (user == null ? "" : " --user " + user) + " --code CODE");
        }
        return 0;
    }

    private static String reason(JsonNode s) {
        String reason = UserCommand.text(s, "reason");
        String cannot = UserCommand.text(s, "cannotSend");
        return (reason.isEmpty() ? "" : "  (" + reason + ")") + (cannot.isEmpty() ? "" : "  [" + cannot + "]");
    }
}
