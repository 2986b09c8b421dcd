package dev.firebreak.notify.internal.channel;

import dev.firebreak.notify.NotifyProperties;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where outgoing HTTP may go (an SSRF guard): the host's every address must be public, or inside
 * {@code firebreak.notify.allowed-networks}. Checked when a channel or contact method is saved and
 * again right before each send, so a name that later resolves elsewhere is caught then. Plain
 * http goes only to allowed networks; over https a name rebound to another address between the
 * check and the connection fails the certificate check before any byte of the request is sent.
 */
@Component
public class NetworkPolicy {
    private final List<Cidr> allowed;

    @Autowired
    NetworkPolicy(NotifyProperties properties) {
        this(properties.allowedNetworks());
    }

    NetworkPolicy(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().map(Cidr::parse).toList();
    }

    /** Why the policy refuses a URL. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Resolves the URL's host and checks each address.
     *
     * @return the addresses, all allowed
     * @throws Refused with the reason, naming the address and the setting that would allow it
     */
    public List<InetAddress> check(URI url) throws Refused {
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("the URL has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(bare));
        } catch (UnknownHostException e) {
            throw new Refused("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = restricted(address);
            if (kind.isPresent() && allowed.stream().noneMatch(c -> c.contains(address))) {
                throw new Refused(host + " resolves to " + address.getHostAddress() + ", a " + kind.get()
                        + " address: refused unless firebreak.notify.allowed-networks includes it");
            }
        }
        // Pages carry incident details: in the clear only inside networks the admin named.
        if ("http".equalsIgnoreCase(url.getScheme())
                && !addresses.stream().allMatch(a -> allowed.stream().anyMatch(c -> c.contains(a)))) {
            throw new Refused("plain http is only for addresses inside firebreak.notify.allowed-networks: use https");
        }
        return addresses;
    }

    /** What kind of non-public address this is, or empty for a public one. */
    static Optional<String> restricted(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("wildcard");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        if (address.isSiteLocalAddress() || (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc)) {
            return Optional.of("private");
        }
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("wildcard");
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return Optional.of("private (shared 100.64.0.0/10)");
            }
            if (first == 255 && (b[3] & 0xff) == 255) {
                return Optional.of("broadcast");
            }
        } else if (embeddedIpv4(b).isPresent()) {
            // ::ffff:10.0.0.1 and friends reach the IPv4 host they embed
            return restricted(embeddedIpv4(b).get());
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible or NAT64 (64:ff9b::/96) IPv6 address. */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        boolean zeroTen = true;
        for (int i = 0; i < 10; i++) {
            zeroTen &= b[i] == 0;
        }
        boolean compatible = zeroTen && b[10] == 0 && b[11] == 0;
        boolean mapped = zeroTen && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (!compatible && !mapped && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** One allowed block, such as {@code 127.0.0.0/8} or {@code fd00::/8}. */
    record Cidr(byte[] network, int bits) {
        static Cidr parse(String text) {
            String value = text.strip();
            int slash = value.indexOf('/');
            String host = slash < 0 ? value : value.substring(0, slash);
            try {
                if (!host.matches("[0-9a-fA-F:.\\[\\]]+")) {
                    throw new UnknownHostException(host);
                }
                byte[] network = InetAddress.getByName(host).getAddress();
                int bits = slash < 0 ? network.length * 8 : Integer.parseInt(value.substring(slash + 1));
                if (bits < 0 || bits > network.length * 8) {
                    throw new NumberFormatException();
                }
                return new Cidr(network, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException(
                        "firebreak.notify.allowed-networks: '" + text + "' is not a CIDR block such as 10.0.0.0/8");
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((candidate[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
