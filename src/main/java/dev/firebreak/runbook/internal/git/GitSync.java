package dev.firebreak.runbook.internal.git;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.GitSource;
import dev.firebreak.runbook.GitSyncFailedException;
import dev.firebreak.runbook.GitSyncReport;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookProperties;
import dev.firebreak.runbook.RunbookRevision;
import dev.firebreak.runbook.RunbookSlug;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** One sync of a source: fetch, import every runbook file, remove those that left the repository. */
@Component
public class GitSync {
    private static final Logger log = LoggerFactory.getLogger(GitSync.class);
    private static final long WAIT_MILLIS = 60_000;

    private final GitSourceStore store;
    private final RunbookLibrary library;
    private final GitMirror mirror;
    private final RunbookProperties properties;
    /** Identifies this node's leases; a restarted node is a new owner. */
    private final String node = UUID.randomUUID().toString();

    GitSync(
            GitSourceStore store,
            RunbookLibrary library,
            RunbookProperties properties,
            @Value("${firebreak.data-dir:./data}") Path dataDir) {
        this.store = store;
        this.library = library;
        this.properties = properties;
        this.mirror = new GitMirror(dataDir);
    }

    /**
     * @param manual a person asked: wait for another node's sync instead of skipping, and import
     *     even when the branch has not moved
     * @return the report, or null when a poll found the source busy on another node
     */
    public GitSyncReport run(GitSource source, boolean manual) {
        if (!acquire(source.id(), manual)) {
            if (manual) {
                throw new FirebreakException.Conflict("git source " + source.id() + " is being synced; try later");
            }
            return null;
        }
        try {
            GitMirror.Snapshot snapshot = mirror.fetch(source);
            if (!manual && snapshot.commit().equals(source.lastCommit())) {
                store.recordSuccess(source.id(), snapshot.commit());
                return new GitSyncReport(
                        source.id(), snapshot.commit(), true, List.of(), List.of(), 0, List.of(), List.of());
            }
            GitSyncReport report = importSnapshot(source, snapshot);
            store.recordSuccess(source.id(), snapshot.commit());
            log.info(
                    "git source {} at {}: {} created, {} updated, {} removed, {} errors",
                    source.id(),
                    snapshot.commit(),
                    report.created().size(),
                    report.updated().size(),
                    report.removed().size(),
                    report.errors().size());
            return report;
        } catch (GitAPIException | IOException | RuntimeException e) {
            if (e instanceof FirebreakException fe && !(e instanceof GitSyncFailedException)) {
                throw fe;
            }
            String message = "cannot fetch " + source.url() + " (" + source.branch() + "): " + e.getMessage();
            store.recordFailure(source.id(), message);
            throw new GitSyncFailedException(message);
        } finally {
            store.release(source.id(), node);
        }
    }

    public void forget(GitSource source) {
        mirror.remove(source);
    }

    private GitSyncReport importSnapshot(GitSource source, GitMirror.Snapshot snapshot) {
        String ours = "git:" + publicUrl(source.url()) + "@";
        String label = ours + snapshot.commit();
        List<String> tracked = store.slugs(source.id());
        Map<String, String> owners = new HashMap<>();
        library.list().forEach(summary -> owners.put(summary.slug(), summary.source()));
        Set<String> present = new LinkedHashSet<>();
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int unchanged = 0;
        for (GitMirror.File file : snapshot.files()) {
            try {
                String slug = RunbookSlug.fromPath(Path.of(file.path())).value();
                if (!present.add(slug)) {
                    errors.add(file.path() + ": slug '" + slug + "' is already used by another file");
                    continue;
                }
                if (file.content() == null) {
                    errors.add(file.path() + ": larger than " + GitMirror.MAX_FILE + " bytes");
                    continue;
                }
                String owner = owners.get(slug);
                if (owner != null && !tracked.contains(slug) && !owner.startsWith(ours)) {
                    // Never overwrite a runbook that came from elsewhere (the API, an import, another source).
                    errors.add(
                            file.path() + ": runbook '" + slug + "' already exists from " + owner + "; not replaced");
                    present.remove(slug);
                    continue;
                }
                String name = Path.of(file.path()).getFileName().toString();
                RunbookRevision revision = library.put(slug, name, file.content(), snapshot.author(), label);
                switch (revision.outcome()) {
                    case CREATED -> created.add(slug);
                    case UPDATED -> updated.add(slug);
                    case UNCHANGED -> unchanged++;
                }
            } catch (FirebreakException e) {
                errors.add(file.path() + ": " + e.getMessage());
            }
        }
        List<String> removed = new ArrayList<>();
        for (String slug : tracked) {
            if (!present.contains(slug) && removeIfOurs(slug, ours)) {
                removed.add(slug);
            }
        }
        store.replaceSlugs(source.id(), present);
        return new GitSyncReport(source.id(), snapshot.commit(), false, created, updated, unchanged, removed, errors);
    }

    /** Someone may have replaced an imported runbook through the API since: then it stays. */
    private boolean removeIfOurs(String slug, String sourcePrefix) {
        try {
            if (library.get(slug).version().source().startsWith(sourcePrefix)) {
                library.delete(slug);
                return true;
            }
        } catch (FirebreakException.NotFound e) {
            // already gone
        }
        return false;
    }

    private boolean acquire(long id, boolean wait) {
        long deadline = System.currentTimeMillis() + (wait ? WAIT_MILLIS : 0);
        while (true) {
            if (store.lease(id, node, properties.gitLease())) {
                return true;
            }
            if (System.currentTimeMillis() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The URL without user info, for labels that every reader of a runbook sees. */
    static String publicUrl(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }
}
