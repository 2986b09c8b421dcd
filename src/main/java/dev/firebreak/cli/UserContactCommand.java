package dev.firebreak.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak user contact add|remove|verify}: how a person is reached. */
@Command(
        name = "contact",
        mixinStandardHelpOptions = true,
        description = "Add, remove or verify a contact method.",
        subcommands = {UserContactCommand.Add.class, UserContactCommand.Remove.class, UserContactVerifyCommand.class})
final class UserContactCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Exactly one kind of address. */
    static final class Address {
        @Option(names = "--email", paramLabel = "ADDRESS", required = true)
        String email;

        @Option(names = "--chat", paramLabel = "HANDLE", required = true, description = "@alice or a member id")
        String chat;

        @Option(names = "--webhook", paramLabel = "URL", required = true, description = "an https URL")
        String webhook;

        @Option(names = "--phone", paramLabel = "NUMBER", required = true, description = "E.164, e.g. +4930123456")
        String phone;

        @Option(names = "--sms", paramLabel = "NUMBER", required = true, description = "E.164, e.g. +4930123456")
        String sms;

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            String[][] kinds = {{"email", email}, {"chat", chat}, {"webhook", webhook}, {"phone", phone}, {"sms", sms}};
            for (String[] kind : kinds) {
                if (kind[1] != null) {
                    body.put("kind", kind[0]);
                    body.put("address", kind[1]);
                }
            }
            return body;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a contact method; prints its id.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--user", paramLabel = "USER", description = "Whose (default: yours).")
        String user;

        @ArgGroup(multiplicity = "1")
        Address address;

        @Option(names = "--label", paramLabel = "LABEL", description = "e.g. work, personal")
        String label;

        @Override
        public Integer call() {
            ApiClient client = api.client();
            Map<String, Object> body = address.body();
            body.put("label", label);
            String path = UserCommand.path(UserCommand.userOrMe(client, user)) + "/contact-methods";
            JsonNode method = client.postJson(path, ApiClient.json().writeValueAsString(body));
            spec.commandLine().getOut().println(method.get("id").asLong());
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a contact method by id.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--user", paramLabel = "USER", description = "Whose (default: yours).")
        String user;

        @Parameters(paramLabel = "ID", description = "as `firebreak user show` lists it")
        long id;

        @Override
        public Integer call() {
            ApiClient client = api.client();
            client.remove(UserCommand.path(UserCommand.userOrMe(client, user)) + "/contact-methods/" + id);
            spec.commandLine().getOut().println("removed " + id);
            return 0;
        }
    }
}
