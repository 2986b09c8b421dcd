package dev.firebreak.runbook.internal.git;

import dev.firebreak.runbook.GitSource;
import dev.firebreak.runbook.RunbookSlug;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * A bare clone of a source's branch under the data directory. Files are read from the commit's
 * tree, so there is no working tree to get out of step.
 */
final class GitMirror {
    /** One runbook file of a commit; path is relative to the source's folder; content null if too big. */
    record File(String path, byte[] content) {}

    /** A fetched commit and the runbook files in it. */
    record Snapshot(String commit, String author, List<File> files) {}

    static final long MAX_FILE = 2L * 1024 * 1024;

    private final Path root;

    GitMirror(Path dataDir) {
        this.root = dataDir.resolve("git");
    }

    /** Fetches the branch (cloning first if needed) and reads every importable file under path. */
    Snapshot fetch(GitSource source) throws GitAPIException, IOException {
        Path dir = directory(source);
        String ref = "refs/heads/" + source.branch();
        try (Git git = open(source, dir, ref)) {
            Repository repo = git.getRepository();
            ObjectId head = repo.resolve(ref);
            if (head == null) {
                throw new IOException("branch '" + source.branch() + "' not found in " + source.url());
            }
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit commit = walk.parseCommit(head);
                return new Snapshot(
                        commit.getName(), commit.getAuthorIdent().getName(), files(repo, commit, source.path()));
            }
        }
    }

    /** Removes the clone of a deleted source. */
    void remove(GitSource source) {
        Path dir = directory(source);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Git open(GitSource source, Path dir, String ref) throws GitAPIException, IOException {
        if (Files.isDirectory(dir.resolve("objects"))) {
            Git git = Git.open(dir.toFile());
            try {
                git.fetch()
                        .setRemote(source.url())
                        .setRefSpecs("+" + ref + ":" + ref)
                        .setRemoveDeletedRefs(true)
                        .call();
                return git;
            } catch (GitAPIException | RuntimeException e) {
                git.close();
                remove(source); // a broken or foreign mirror: start over with a fresh clone
            }
        }
        Files.createDirectories(dir.getParent());
        return Git.cloneRepository()
                .setURI(source.url())
                .setDirectory(dir.toFile())
                .setBare(true)
                .setBranchesToClone(List.of(ref))
                .setBranch(ref)
                .call();
    }

    private static List<File> files(Repository repo, RevCommit commit, String path) throws IOException {
        List<File> files = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            if (!path.isEmpty()) {
                tree.setFilter(PathFilter.create(path));
            }
            while (tree.next()) {
                String full = tree.getPathString();
                String relative = path.isEmpty() ? full : full.substring(path.length() + 1);
                if (!RunbookSlug.importable(Path.of(relative))) {
                    continue;
                }
                var loader = repo.open(tree.getObjectId(0));
                byte[] bytes = loader.getSize() > MAX_FILE ? null : loader.getBytes();
                files.add(new File(relative, bytes));
            }
        }
        return files;
    }

    /** One folder per source and URL, so a reused id never meets another repository's clone. */
    private Path directory(GitSource source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((source.url() + "\n" + source.branch()).getBytes(StandardCharsets.UTF_8));
            return root.resolve(source.id() + "-" + HexFormat.of().formatHex(digest, 0, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
