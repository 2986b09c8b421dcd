package dev.firebreak.platform.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioEndpoint;

/**
 * Tomcat's NIO connector with a cap on the connections one client address holds: one host
 * opening thousands of idle connections filled Tomcat's {@code max-connections} and cut everybody
 * off, intake included. A connection over the cap is closed at accept, before it costs a buffer.
 * Public with a no-argument constructor because Tomcat creates its protocol by class name.
 */
public class CappedNioProtocol extends Http11NioProtocol {
    public CappedNioProtocol() {
        super(new CappedEndpoint());
    }

    /** 0 turns the cap off. */
    public void setMaxConnectionsPerClient(int max) {
        ((CappedEndpoint) getEndpoint()).max = max;
    }

    public int getMaxConnectionsPerClient() {
        return ((CappedEndpoint) getEndpoint()).max;
    }

    /** How many connections were closed at accept for being over the cap. */
    public long getRefusedConnections() {
        return ((CappedEndpoint) getEndpoint()).refused.get();
    }

    static final class CappedEndpoint extends NioEndpoint {
        private final Map<InetAddress, Set<SocketChannel>> open = new ConcurrentHashMap<>();
        private final AtomicInteger accepts = new AtomicInteger();
        private final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
        private volatile int max;

        @Override
        protected boolean setSocketOptions(SocketChannel socket) {
            if (max > 0 && !admit(socket)) {
                refused.incrementAndGet();
                // As the stock method does on failure: close it and give its slot back. The
                // acceptor's closeSocket only closes registered connections, and this one is not.
                destroySocket(socket);
                return false;
            }
            return super.setSocketOptions(socket);
        }

        /**
         * Counts the client's connections that are still open: Tomcat closes channels in many
         * places, so the count is taken from the channels themselves rather than from close hooks.
         */
        private boolean admit(SocketChannel socket) {
            InetAddress client;
            try {
                client = ((InetSocketAddress) socket.getRemoteAddress()).getAddress();
            } catch (IOException | ClassCastException e) {
                return true; // a Unix socket or one already gone: nothing to count by
            }
            if (accepts.incrementAndGet() % 1024 == 0) {
                sweep();
            }
            Set<SocketChannel> mine = open.computeIfAbsent(client, c -> ConcurrentHashMap.newKeySet());
            mine.removeIf(c -> !c.isOpen());
            if (mine.size() >= max) {
                return false;
            }
            mine.add(socket);
            return true;
        }

        /** Forgets clients whose connections have all closed, so the map stays small. */
        private void sweep() {
            open.values().forEach(set -> set.removeIf(c -> !c.isOpen()));
            open.entrySet().removeIf(e -> e.getValue().isEmpty());
        }
    }
}
