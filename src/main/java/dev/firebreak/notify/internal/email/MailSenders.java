package dev.firebreak.notify.internal.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * JavaMailSenders built from Boot's {@code spring.mail.*} at run time, one per send timeout (a
 * Session's timeouts are fixed when it is made). Not Boot's own auto-configured sender: its
 * condition on {@code spring.mail.host} would be frozen when the jar is AOT-processed (decision 0004).
 */
final class MailSenders {
    private static final String[] TIMEOUTS = {"connectiontimeout", "timeout", "writetimeout"};

    private final MailProperties mail;
    private final ObjectProvider<SslBundles> bundles;
    private final InternetAddress from;
    private final Map<Duration, JavaMailSenderImpl> byTimeout = new ConcurrentHashMap<>();

    MailSenders(MailProperties mail, ObjectProvider<SslBundles> bundles, String baseUrl) {
        this.mail = mail;
        this.bundles = bundles;
        this.from = from(mail, baseUrl);
    }

    /** Whether a mail server is configured; without one every email fails with the reason. */
    boolean configured() {
        return mail.getHost() != null && !mail.getHost().isBlank();
    }

    InternetAddress from() {
        return from;
    }

    JavaMailSenderImpl forTimeout(Duration timeout) {
        return byTimeout.computeIfAbsent(timeout, this::build);
    }

    private JavaMailSenderImpl build(Duration timeout) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(configured() ? mail.getHost().strip() : null);
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setPassword(mail.getPassword());
        String protocol = mail.getProtocol() == null ? "smtp" : mail.getProtocol();
        sender.setProtocol(protocol);
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        Properties properties = new Properties();
        properties.putAll(mail.getProperties());
        if (mail.getSsl().isEnabled()) {
            properties.setProperty("mail." + protocol + ".ssl.enable", "true");
        }
        String bundle = mail.getSsl().getBundle();
        if (bundle != null && !bundle.isBlank()) {
            SslBundle ssl = bundles.getObject().getBundle(bundle);
            properties.put(
                    "mail." + protocol + ".ssl.socketFactory",
                    ssl.createSslContext().getSocketFactory());
        }
        // The send must give up by its timeout; a smaller one set by hand still wins.
        long millis = Math.max(1, timeout.toMillis());
        for (String name : TIMEOUTS) {
            String key = "mail." + protocol + "." + name;
            long set = parse(properties.getProperty(key));
            properties.setProperty(key, String.valueOf(set > 0 ? Math.min(set, millis) : millis));
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }

    /**
     * {@code spring.mail.properties.mail.from} (JavaMail's own key) when set, else
     * firebreak@ the host of {@code firebreak.notify.base-url}; named "Firebreak" unless it has a name.
     */
    static InternetAddress from(MailProperties mail, String baseUrl) {
        String configured = mail.getProperties().get("mail.from");
        try {
            InternetAddress address;
            if (configured != null && !configured.isBlank()) {
                address = new InternetAddress(configured.strip(), true);
            } else {
                String host = URI.create(baseUrl).getHost();
                address = new InternetAddress("firebreak@" + (host == null ? "localhost" : host), true);
            }
            if (address.getPersonal() == null) {
                address.setPersonal("Firebreak", "UTF-8");
            }
            return address;
        } catch (AddressException | java.io.UnsupportedEncodingException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "spring.mail.properties.mail.from is not an email address: '" + configured + "'", e);
        }
    }

    private static long parse(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
