package dev.firebreak.api;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.GitSource;
import dev.firebreak.runbook.GitSources;
import dev.firebreak.runbook.GitSyncReport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Git repositories the library syncs from: {@code /api/v1/git-sources}, for admins only. */
@RestController
@RequestMapping("/api/v1/git-sources")
@PreAuthorize("hasRole('ADMIN')")
class GitSourceController {
    private final GitSources sources;

    GitSourceController(GitSources sources) {
        this.sources = sources;
    }

    /** pollInterval: "30s", "5m", "1h" or ISO-8601 ("PT5M"); empty for the default. */
    record NewSource(String url, String branch, String path, String pollInterval) {}

    @GetMapping
    List<GitSource> list() {
        return sources.list();
    }

    @GetMapping("/{id}")
    GitSource get(@PathVariable long id) {
        return sources.get(id);
    }

    @PostMapping
    ResponseEntity<GitSource> add(@RequestBody NewSource body) {
        if (body == null) {
            throw new FirebreakException.BadInput("url", "the JSON body needs a \"url\"");
        }
        GitSource source = sources.add(body.url(), body.branch(), body.path(), duration(body.pollInterval()));
        return ResponseEntity.created(URI.create("/api/v1/git-sources/" + source.id()))
                .body(source);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        sources.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/sync")
    GitSyncReport sync(@PathVariable long id) {
        return sources.sync(id);
    }

    private static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new FirebreakException.BadInput("pollInterval", "not a duration: '" + text + "' (use 30s, 5m, PT1H)");
        }
    }
}
