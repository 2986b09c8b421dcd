package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The UI's own guards: viewers cannot post forms that change things; runbooks cannot inject script. */
@Tag("database")
class WebAccessIT extends ServerTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    WebSession as(Role role) {
        String name = role.name().toLowerCase() + "-web-"
                + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "web-password-123", role, null, null);
        return login(name, "web-password-123");
    }

    @Test
    void viewerCannotPostAnyFormThatChangesSomething() {
        WebSession viewer = as(Role.VIEWER);
        List<String> checked = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                // /v2/enqueue and /v2/change/enqueue are PagerDuty-compatible intake: they
                // authenticate by routing key. /status/** is the public status page: anybody may
                // subscribe, and a confirmation or unsubscribe token is the credential; so is an
                // invitation's token on /invite/* (InvitationIT).
                if (pattern.startsWith("/api/")
                        || pattern.startsWith("/status/")
                        || pattern.startsWith("/invite/")
                        || pattern.startsWith("/account")
                        || pattern.equals("/error")
                        || pattern.equals("/v2/enqueue")
                        || pattern.equals("/v2/change/enqueue")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (method == RequestMethod.GET || method == RequestMethod.HEAD) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{[^}]+}", "x");
                    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                            .method(method.name(), HttpRequest.BodyPublishers.ofString("_csrf=" + viewer.csrf()))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", viewer.cookie()));
                    assertThat(response.statusCode()).as(method + " " + path).isEqualTo(403);
                    checked.add(method + " " + path);
                }
            }
        });
        assertThat(checked).contains("POST /runbooks/upload");
    }

    @Test
    void runbookMarkdownCannotInjectScript() {
        String token = tokenFor(Role.RESPONDER);
        String markdown = "# Evil\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1))\n\n"
                + "<img src=x onerror=alert(2)>\n\n[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==)\n\n"
                + "![pixel](data:image/svg+xml;base64,PHN2Zy8+)\n\n[VBS](vbscript:msgbox)\n\n"
                + "[ok](https://example.com/dash)\n\n```bash\nrm -rf /tmp/x\n```\n";
        HttpResponse<String> put = send(HttpRequest.newBuilder(uri(
                        "/api/v1/runbooks/evil-" + UUID.randomUUID().toString().substring(0, 6)))
                .PUT(HttpRequest.BodyPublishers.ofString(markdown))
                .header("Content-Type", "text/markdown")
                .header("Authorization", "Bearer " + token));
        assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
        String slug = put.request().uri().getPath().substring("/api/v1/runbooks/".length());
        HttpResponse<String> page = getPage(as(Role.VIEWER), "/runbooks/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .doesNotContain("<script>alert")
                .doesNotContain("javascript:alert")
                .doesNotContain("<img src=x")
                .doesNotContain("data:text/html")
                .doesNotContain("data:image")
                .doesNotContain("vbscript:")
                .contains("href=\"https://example.com/dash\"")
                .contains("&lt;script&gt;");
    }

    @Test
    void adminAddsAndSyncsAGitSourceFromSettings(@TempDir Path repo) throws Exception {
        try (Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(repo.resolve("runbooks"));
            Files.writeString(
                    repo.resolve("runbooks/disk-full.md"), "# DiskFull\n\n## Mitigation\n\n```bash\ndf -h\n```\n");
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("first")
                    .setAuthor("Ops", "ops@example.com")
                    .setCommitter("Ops", "ops@example.com")
                    .call();
        }
        WebSession admin = login("admin", "admin-password-for-tests");
        HttpResponse<String> added = submit(
                admin, "/settings/git-sources", "url=" + repo.toUri() + "&branch=main&path=runbooks&pollMinutes=10");
        assertThat(added.statusCode()).isEqualTo(302);
        HttpResponse<String> page = getPage(admin, "/settings/git-sources");
        assertThat(page.body()).contains(repo.toUri().toString()).contains("never");
        String id = page.body().replaceAll("(?s).*/settings/git-sources/(\\d+)/sync.*", "$1");
        assertThat(submit(admin, "/settings/git-sources/" + id + "/sync", "").statusCode())
                .isEqualTo(302);
        assertThat(getPage(admin, "/settings/git-sources").body())
                .contains("1 created")
                .doesNotContain(">never<");
        assertThat(getPage(admin, "/runbooks/disk-full").statusCode()).isEqualTo(200);

        WebSession responder = as(Role.RESPONDER);
        assertThat(getPage(responder, "/settings/git-sources").statusCode()).isEqualTo(403);
        assertThat(submit(responder, "/settings/git-sources/" + id + "/delete", "")
                        .statusCode())
                .isEqualTo(403);
    }

    /** The POST alone: the status it answers, redirects not followed. */
    private HttpResponse<String> submit(WebSession session, String path, String form) {
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + session.csrf()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session.cookie()));
    }

    @Test
    void unknownRunbookIsANotFoundPage() {
        HttpResponse<String> page = getPage(as(Role.VIEWER), "/runbooks/no-such-runbook");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("404");
    }
}
