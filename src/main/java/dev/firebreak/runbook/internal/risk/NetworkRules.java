package dev.firebreak.runbook.internal.risk;

import java.util.Map;
import java.util.Set;

/** Network configuration and probes: ip, iptables, nft, nc, openssl, tcpdump, ... */
final class NetworkRules {

    private static final Set<String> IP_READS = Set.of("", "show", "list", "ls", "lst", "get", "help");
    private static final Set<String> OPENSSL_READS = Vocabulary.of("""
            s_client x509 version verify ciphers crl asn1parse dgst s_time list help rand sess_id
            """);

    private NetworkRules() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put("ip", NetworkRules::ip);
        for (String tables : new String[] {"iptables", "ip6tables"}) {
            rules.put(tables, NetworkRules::iptables);
        }
        rules.put("nft", inv -> {
            String verb = inv.positional(0, Set.of());
            if (verb.equals("list")) {
                return Verdict.readOnly("nft list is read-only");
            }
            return verb.equals("flush") || verb.equals("delete")
                    ? Verdict.destructive("nft " + verb + " removes firewall rules")
                    : Verdict.mutating("nft changes firewall rules");
        });
        rules.put(
                "ifconfig",
                inv -> inv.positionals(Set.of()).size() > 1
                        ? Verdict.mutating("ifconfig changes interfaces")
                        : Verdict.readOnly("ifconfig is read-only"));
        rules.put(
                "route",
                inv -> Set.of("add", "del", "delete", "flush").contains(inv.positional(0, Set.of()))
                        ? Verdict.mutating("route changes the routing table")
                        : Verdict.readOnly("route is read-only"));
        rules.put(
                "ufw",
                inv -> inv.positional(0, Set.of()).equals("status")
                        ? Verdict.readOnly("ufw status is read-only")
                        : Verdict.mutating("ufw changes firewall rules"));
        for (String nc : new String[] {"nc", "ncat", "netcat"}) {
            rules.put(
                    nc,
                    inv -> inv.hasShort('z')
                            ? Verdict.readOnly(inv.name() + " -z only probes the port")
                            : Verdict.mutating(inv.name() + " sends data over a raw connection (assumed mutating)"));
        }
        rules.put(
                "openssl",
                inv -> OPENSSL_READS.contains(inv.positional(0, Set.of()))
                        ? Verdict.readOnly("openssl " + inv.positional(0, Set.of()) + " is read-only")
                        : Verdict.mutating("openssl " + inv.positional(0, Set.of())
                                + " writes keys or certificates (assumed mutating)"));
        rules.put(
                "tcpdump",
                inv -> inv.value("-w") != null
                        ? Verdict.mutating("tcpdump -w writes a capture file")
                        : Verdict.readOnly("tcpdump only watches traffic"));
    }

    private static Verdict ip(Invocation inv) {
        var positionals = inv.positionals(Set.of("-n", "-netns", "-f", "-family"));
        String action = positionals.size() > 1 ? positionals.get(1).toLowerCase(java.util.Locale.ROOT) : "";
        if (IP_READS.contains(action)
                || positionals.size() > 1 && !Vocabulary.of("""
                                add del delete set change replace flush append prepend
                                """).contains(action)) {
            return Verdict.readOnly("ip " + String.join(" ", positionals.subList(0, Math.min(2, positionals.size())))
                    + " is read-only");
        }
        return Verdict.mutating("ip " + action + " changes network configuration");
    }

    private static Verdict iptables(Invocation inv) {
        if (inv.has("-L", "-S", "--list", "--list-rules")
                || inv.args().stream()
                        .anyMatch(a ->
                                a.length() < 8 && a.startsWith("-") && !a.startsWith("--") && a.indexOf('L') > 0)) {
            return Verdict.readOnly(inv.name() + " -L only lists rules");
        }
        if (inv.has("-F", "--flush", "-X", "--delete-chain")) {
            return Verdict.destructive(inv.name() + " -F removes every firewall rule");
        }
        return Verdict.mutating(inv.name() + " changes firewall rules");
    }
}
