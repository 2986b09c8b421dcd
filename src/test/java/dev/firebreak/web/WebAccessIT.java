package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
                // /v2/enqueue is PagerDuty-compatible alert intake: it authenticates by routing key.
                if (pattern.startsWith("/api/")
                        || pattern.startsWith("/account")
                        || pattern.equals("/error")
                        || pattern.equals("/v2/enqueue")) {
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
                + "<img src=x onerror=alert(2)>\n\n```bash\nrm -rf /tmp/x\n```\n";
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
                .contains("&lt;script&gt;");
    }

    @Test
    void unknownRunbookIsANotFoundPage() {
        HttpResponse<String> page = getPage(as(Role.VIEWER), "/runbooks/no-such-runbook");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("404");
    }
}
