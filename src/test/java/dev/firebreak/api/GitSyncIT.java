package dev.firebreak.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A file:// repository made with JGit, changed across commits and synced through the API. */
@Tag("database")
class GitSyncIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DATA_DIR = temp();

    @TempDir
    Path work;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("firebreak.data-dir", DATA_DIR::toString);
        // The test syncs by hand; a background poll between its commits would steal the changes.
        registry.add("firebreak.runbooks.git-poll-check", () -> "1h");
    }

    @Test
    void importsChangesAndRemovalsAcrossCommits() throws Exception {
        Path repo = work.resolve("repo");
        String admin = tokenFor(Role.ADMIN);
        try (Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo, "runbooks/db/Failover.md", "# Failover\n\nPromote the replica.\n");
            write(repo, "runbooks/Disk.md", "# Disk full\n\nClean /var/log.\n");
            write(repo, "runbooks/notes.yaml", "not: a runbook\n");
            write(repo, "README.md", "# Outside the path\n");
            write(repo, "runbooks/Taken.md", "# From git\n");
            commit(git, "Alice Ops", "first runbooks");

            String url = "file://" + repo.toAbsolutePath();
            assertThat(sendJson("POST", "/api/v1/git-sources", tokenFor(Role.RESPONDER), "{\"url\": \"" + url + "\"}")
                            .statusCode())
                    .isEqualTo(403);
            HttpResponse<String> added = sendJson(
                    "POST",
                    "/api/v1/git-sources",
                    admin,
                    "{\"url\": \"" + url
                            + "\", \"branch\": \"main\", \"path\": \"runbooks\", \"pollInterval\": \"1h\"}");
            assertThat(added.statusCode()).isEqualTo(201);
            long id = json(added).get("id").asLong();
            assertThat(json(added).get("pollInterval").asString()).isEqualTo("PT1H");

            // A runbook made through the API is never overwritten by a source that did not import it.
            String taken = "taken";
            send(HttpRequest.newBuilder(uri("/api/v1/runbooks/" + taken))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "text/markdown")
                    .PUT(HttpRequest.BodyPublishers.ofString("# Hand made\n")));
            JsonNode first = json(sendJson("POST", "/api/v1/git-sources/" + id + "/sync", admin, ""));
            assertThat(strings(first.get("created"))).containsExactlyInAnyOrder("db-failover", "disk");
            assertThat(strings(first.get("errors")))
                    .singleElement()
                    .asString()
                    .startsWith("Taken.md: runbook 'taken' already exists from api");
            assertThat(get("/api/v1/runbooks/taken/raw", admin).body()).isEqualTo("# Hand made\n");
            JsonNode failover = json(get("/api/v1/runbooks/db-failover", admin));
            assertThat(failover.get("version").get("author").asString()).isEqualTo("Alice Ops");
            assertThat(failover.get("version").get("source").asString())
                    .isEqualTo("git:" + url + "@" + first.get("commit").asString());
            assertThat(get("/api/v1/runbooks/readme", admin).statusCode()).isEqualTo(404);

            write(repo, "runbooks/db/Failover.md", "# Failover\n\nPromote the replica, then repoint apps.\n");
            Files.delete(repo.resolve("runbooks/Disk.md"));
            write(repo, "runbooks/Network.markdown", "# Network partition\n");
            commit(git, "Bob Ops", "change, remove, add");

            JsonNode second = json(sendJson("POST", "/api/v1/git-sources/" + id + "/sync", admin, ""));
            assertThat(strings(second.get("created"))).containsExactly("network");
            assertThat(strings(second.get("updated"))).containsExactly("db-failover");
            assertThat(strings(second.get("removed"))).containsExactly("disk");
            assertThat(get("/api/v1/runbooks/disk", admin).statusCode()).isEqualTo(404);
            JsonNode versions = json(get("/api/v1/runbooks/db-failover/versions", admin));
            assertThat(versions.size()).isEqualTo(2);
            assertThat(versions.get(1).get("author").asString()).isEqualTo("Bob Ops");

            JsonNode again = json(sendJson("POST", "/api/v1/git-sources/" + id + "/sync", admin, ""));
            assertThat(again.get("unchanged").asInt()).isEqualTo(2);
            assertThat(again.get("created").size() + again.get("updated").size())
                    .isZero();

            // Other tests' sources share the database: look ours up by id, not by position.
            JsonNode listed = json(get("/api/v1/git-sources", admin));
            JsonNode ours = null;
            for (JsonNode source : listed) {
                if (source.get("id").asLong() == id) {
                    ours = source;
                }
            }
            assertThat(ours).as("source %d in %s", id, listed).isNotNull();
            assertThat(ours.get("lastCommit").asString())
                    .isEqualTo(second.get("commit").asString());
            assertThat(sendJson("DELETE", "/api/v1/git-sources/" + id, admin, "")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(get("/api/v1/runbooks/network", admin).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void badSourcesAreRefused() {
        String admin = tokenFor(Role.ADMIN);
        assertThat(sendJson("POST", "/api/v1/git-sources", admin, "{\"url\": \"ftp://example.com/r.git\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(sendJson(
                                "POST",
                                "/api/v1/git-sources",
                                admin,
                                "{\"url\": \"file:///nonexistent\", \"path\": \"../etc\"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> missing =
                sendJson("POST", "/api/v1/git-sources", admin, "{\"url\": \"file://" + work.resolve("none") + "\"}");
        long id = json(missing).get("id").asLong();
        HttpResponse<String> failed = sendJson("POST", "/api/v1/git-sources/" + id + "/sync", admin, "");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(json(get("/api/v1/git-sources/" + id, admin))
                        .get("lastError")
                        .asString())
                .contains("cannot fetch");
    }

    private static void write(Path repo, String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static void commit(Git git, String author, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent(author, author.toLowerCase().replace(' ', '.') + "@example.com");
        git.commit()
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static Path temp() {
        try {
            Path dir = Files.createTempDirectory("firebreak-git-it");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
