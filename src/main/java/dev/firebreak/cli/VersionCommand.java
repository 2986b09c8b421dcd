package dev.firebreak.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version.")
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(new Provider().getVersion()[0]);
        return 0;
    }

    /** Reads the build-info.properties that the Spring Boot plugin writes at build time. */
    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties info = new Properties();
            try (InputStream in = FirebreakCli.class.getResourceAsStream("/META-INF/build-info.properties")) {
                if (in != null) {
                    info.load(in);
                }
            } catch (IOException e) {
                // no build info (running from an IDE): report what we can
            }
            return new String[] {
                "firebreak " + info.getProperty("build.version", "dev") + " (built "
                        + info.getProperty("build.time", "unknown") + ", Java "
                        + Runtime.version() + ")"
            };
        }
    }
}
