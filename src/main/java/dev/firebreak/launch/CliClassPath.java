package dev.firebreak.launch;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The jar's class path with the libraries of the file commands (picocli, commonmark, Jackson) first.
 * Spring Boot's loader searches the ~100 nested jars in order and opens each one it passes, which
 * in a cold JVM took half a second before picocli (near the end) was found. Same jars, same classes:
 * only the order of the search changes.
 */
final class CliClassPath {
    static final List<String> FIRST = List.of("picocli-", "commonmark", "autolink-", "jackson-", "snakeyaml-");

    private CliClassPath() {}

    /** A loader like {@code loader} with the file commands' jars first, or {@code loader} itself. */
    static ClassLoader reordered(ClassLoader loader) {
        if (!(loader instanceof URLClassLoader)
                || !loader.getClass().getName().equals("org.springframework.boot.loader.launch.LaunchedClassLoader")) {
            return loader; // not started from the jar (an IDE, a test): nothing to gain
        }
        try {
            URL[] urls = order(((URLClassLoader) loader).getURLs());
            return (ClassLoader) loader.getClass()
                    .getConstructor(boolean.class, URL[].class, ClassLoader.class)
                    .newInstance(false, urls, loader.getParent());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return loader; // another Spring Boot loader version: correct, only slower
        }
    }

    /** The application's classes first, then the file commands' libraries, then the rest as they were. */
    static URL[] order(URL[] urls) {
        List<URL> first = new ArrayList<>();
        List<URL> rest = new ArrayList<>();
        for (URL url : urls) {
            String path = url.toString();
            String name = path.substring(path.lastIndexOf("/lib/") + 1);
            boolean early = path.contains("/classes") || FIRST.stream().anyMatch(p -> name.startsWith("lib/" + p));
            (early ? first : rest).add(url);
        }
        first.addAll(rest);
        return first.toArray(new URL[0]);
    }
}
