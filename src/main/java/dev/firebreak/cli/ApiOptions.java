package dev.firebreak.cli;

import picocli.CommandLine.Option;

/** Where the server is and how to authenticate: shared by every command that uses the REST API. */
final class ApiOptions {
    @Option(
            names = "--server",
            paramLabel = "URL",
            defaultValue = "${env:FIREBREAK_URL:-http://localhost:8080}",
            description = "Server base URL (default: FIREBREAK_URL, else ${DEFAULT-VALUE}).")
    String server;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            defaultValue = "${env:FIREBREAK_TOKEN}",
            description = "API token (default: FIREBREAK_TOKEN).")
    String token;

    ApiClient client() {
        if (token == null || token.isBlank()) {
            throw new CliException("no API token: pass --token or set FIREBREAK_TOKEN", 2);
        }
        return new ApiClient(server, token.strip());
    }
}
