package dev.firebreak.platform.signals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals over PostgreSQL LISTEN/NOTIFY. Each node holds one listening connection of its own,
 * outside the pool (a pooled connection would be borrowed for ever), and reconnects with backoff
 * when the database restarts. Sending runs on its own thread through the pool, batching what
 * queued up into one NOTIFY whose first line names the sending node, so that it skips its own.
 */
final class PostgresSignals implements ClusterSignals {
    static final String CHANNEL = "firebreak_signals";
    private static final Logger log = LoggerFactory.getLogger(PostgresSignals.class);
    // NOTIFY payloads must stay under 8000 bytes.
    private static final int MAX_PAYLOAD = 7000;
    private static final int POLL_MILLIS = 1000;
    private static final long CHECK_IDLE_NANOS = 30_000_000_000L;

    private final String url;
    private final Properties credentials = new Properties();
    private final DataSource pool;
    private final String node = UUID.randomUUID().toString().substring(0, 13);
    private final Map<String, List<Consumer<String>>> receivers = new ConcurrentHashMap<>();
    private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(4096);
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean listening = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Thread sender;

    PostgresSignals(String url, String user, String password, DataSource pool) {
        this.url = url;
        this.pool = pool;
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("ApplicationName", "firebreak-signals");
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("tcpKeepAlive", "true");
    }

    @Override
    public void broadcast(String topic, String data) {
        if (closed) {
            return;
        }
        if (sending.compareAndSet(false, true)) {
            sender = Thread.ofPlatform().daemon().name("signals-send").start(this::send);
        }
        if (!outbox.offer(topic + " " + data)) {
            log.debug("signal outbox full; dropped {} {}", topic, data);
        }
    }

    @Override
    public void subscribe(String topic, Consumer<String> receiver) {
        receivers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(receiver);
        // Threads start on first use, so admin commands on the same beans open no connection.
        if (listening.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("signals-listen").start(this::listen);
        }
    }

    private void send() {
        while (!closed) {
            try {
                Set<String> batch = new LinkedHashSet<>();
                batch.add(outbox.take());
                int size = node.length();
                for (String next = outbox.peek(); next != null && size + next.length() < MAX_PAYLOAD; ) {
                    batch.add(outbox.poll());
                    size += next.length() + 1;
                    next = outbox.peek();
                }
                notify(node + "\n" + String.join("\n", batch));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void notify(String payload) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, CHANNEL);
            statement.setString(2, payload);
            statement.execute();
        } catch (SQLException e) {
            log.debug("could not send signals to other nodes: {}", e.getMessage());
        }
    }

    private void listen() {
        long backoff = 500;
        boolean lost = false;
        while (!closed) {
            try (Connection connection = DriverManager.getConnection(url, credentials)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (lost) {
                    log.info("listening for other nodes' signals again");
                }
                lost = false;
                backoff = 500;
                receive(connection);
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                if (!lost) {
                    log.warn("lost the connection for other nodes' signals ({}); reconnecting", e.getMessage());
                }
                lost = true;
                try {
                    Thread.sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 15_000);
            }
        }
    }

    /** Short polls notice {@link #close()}; a check now and then notices a silently dead link. */
    private void receive(Connection connection) throws SQLException {
        PGConnection listener = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = listener.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                quietSince = System.nanoTime();
                for (PGNotification notification : notifications) {
                    deliver(notification.getParameter());
                }
            } else if (System.nanoTime() - quietSince > CHECK_IDLE_NANOS) {
                if (!connection.isValid(5)) {
                    throw new SQLException("the listening connection is no longer valid");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void deliver(String payload) {
        String[] lines = payload.split("\n");
        if (lines.length < 2 || lines[0].equals(node)) {
            return;
        }
        List<String[]> signals = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int space = lines[i].indexOf(' ');
            if (space > 0) {
                signals.add(new String[] {lines[i].substring(0, space), lines[i].substring(space + 1)});
            }
        }
        for (String[] signal : signals) {
            for (Consumer<String> receiver : receivers.getOrDefault(signal[0], List.of())) {
                try {
                    receiver.accept(signal[1]);
                } catch (RuntimeException e) {
                    log.warn("signal receiver for {} failed", signal[0], e);
                }
            }
        }
    }

    /** The listener notices within a poll and closes its connection; the sender stops at once. */
    @Override
    public void close() {
        closed = true;
        Thread thread = sender;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
