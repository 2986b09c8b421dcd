package dev.firebreak.runbook;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.internal.git.GitSourceStore;
import dev.firebreak.runbook.internal.git.GitSync;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Git repositories the library imports from. Each node polls them on their interval; a lease in
 * the database makes sure only one node syncs a source at a time.
 */
@Service
public class GitSources {
    private static final Set<String> SCHEMES = Set.of("https", "http", "git", "file");
    private static final Duration MIN_POLL = Duration.ofSeconds(30);

    private final GitSourceStore store;
    private final GitSync sync;
    private final RunbookProperties properties;

    GitSources(GitSourceStore store, GitSync sync, RunbookProperties properties) {
        this.store = store;
        this.sync = sync;
        this.properties = properties;
    }

    /**
     * Adds a source; it is first synced on the next poll, or at once with {@link #sync(long)}.
     *
     * @param branch default {@code main}; path default the repository root; pollInterval default
     *     {@code firebreak.runbooks.git-default-poll}, at least 30 s
     */
    public GitSource add(String url, String branch, String path, Duration pollInterval) {
        String checkedUrl = checkUrl(url);
        String checkedBranch = branch == null || branch.isBlank() ? "main" : branch.strip();
        if (!checkedBranch.matches("[A-Za-z0-9._/-]{1,200}") || checkedBranch.contains("..")) {
            throw new FirebreakException.BadInput("branch", "not a valid branch name: '" + branch + "'");
        }
        Duration poll = pollInterval == null ? properties.gitDefaultPoll() : pollInterval;
        if (poll.compareTo(MIN_POLL) < 0) {
            throw new FirebreakException.BadInput("pollInterval", "poll interval must be at least 30 seconds");
        }
        String checkedPath = checkPath(path);
        if (store.find(checkedUrl, checkedBranch, checkedPath).isPresent()) {
            throw new FirebreakException.Conflict("this repository, branch and path is already a source");
        }
        return store.insert(checkedUrl, checkedBranch, checkedPath, poll);
    }

    public List<GitSource> list() {
        return store.list();
    }

    public GitSource get(long id) {
        return store.find(id).orElseThrow(() -> new FirebreakException.NotFound("no git source " + id));
    }

    /** Forgets the source; the runbooks it imported stay in the library. */
    public void delete(long id) {
        GitSource source = get(id);
        store.delete(source.id());
        sync.forget(source);
    }

    /** Fetches and imports now, waiting for a sync another node may be running. */
    public GitSyncReport sync(long id) {
        return sync.run(get(id), true);
    }

    private static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new FirebreakException.BadInput("url", "url is required");
        }
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase())) {
                throw new FirebreakException.BadInput(
                        "url", "url must be https, http, git or file (ssh is not supported yet)");
            }
            if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
                // It would end up in every version's source label and in logs.
                throw new FirebreakException.BadInput("url", "put no password or token in the url");
            }
        } catch (URISyntaxException e) {
            throw new FirebreakException.BadInput("url", "not a valid url: " + e.getMessage());
        }
        return trimmed;
    }

    private static String checkPath(String path) {
        if (path == null
                || path.isBlank()
                || path.strip().equals("/")
                || path.strip().equals(".")) {
            return "";
        }
        String normalized = path.strip().replace('\\', '/').replaceAll("^/+|/+$", "");
        Path p = Path.of(normalized).normalize();
        if (p.isAbsolute() || p.startsWith("..") || normalized.contains("/../")) {
            throw new FirebreakException.BadInput("path", "path must stay inside the repository");
        }
        return p.toString().replace('\\', '/');
    }
}
