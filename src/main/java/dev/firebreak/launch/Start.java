package dev.firebreak.launch;

/**
 * Spring Boot's start class: runs inside the jar's class loader (or the extracted layout's class
 * path) and hands over to the CLI. The file commands get their few libraries first on the class
 * path, which a cold JVM notices.
 */
public final class Start {
    private Start() {}

    public static void main(String[] args) throws Throwable {
        if (System.getenv(Launcher.REEXEC) != null) {
            stopWithTheLauncher();
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (args.length > 0 && Launcher.SPRINGLESS_COMMANDS.contains(args[0])) {
            loader = CliClassPath.reordered(loader);
            Thread.currentThread().setContextClassLoader(loader);
        }
        try {
            Class.forName("dev.firebreak.cli.FirebreakCli", true, loader)
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * A launcher killed with SIGKILL cannot stop its child; the child stops itself, gracefully, so
     * that no server is left holding the port and the database.
     */
    private static void stopWithTheLauncher() {
        ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> {
            System.err.println("firebreak: the launcher is gone; stopping");
            System.exit(143);
        }));
    }
}
