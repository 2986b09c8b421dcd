package dev.firebreak.notify.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPolicyTest {
    private static NetworkPolicy policy(String... allowed) {
        return new NetworkPolicy(List.of(allowed));
    }

    @Test
    void withNothingAllowed_everyNonPublicAddressIsRefused() {
        NetworkPolicy strict = policy();
        for (String url : List.of(
                "https://127.0.0.1/hook",
                "https://127.9.9.9/hook",
                "https://localhost/hook",
                "https://[::1]/hook",
                "https://10.1.2.3/",
                "https://172.16.0.1/",
                "https://172.31.255.255/",
                "https://192.168.1.1/",
                "https://169.254.169.254/latest/meta-data",
                "https://[fe80::1]/",
                "https://[fd12:3456::1]/",
                "https://[fc00::1]/",
                "https://224.0.0.1/",
                "https://[ff02::1]/",
                "https://0.0.0.0/",
                "https://[::]/",
                "https://[::ffff:10.0.0.1]/",
                "https://100.64.0.1/")) {
            assertThatThrownBy(() -> strict.check(URI.create(url)))
                    .as(url)
                    .isInstanceOf(NetworkPolicy.Refused.class)
                    .hasMessageContaining("firebreak.notify.allowed-networks");
        }
        assertThatThrownBy(() -> strict.check(URI.create("https://127.0.0.1/")))
                .hasMessage("127.0.0.1 resolves to 127.0.0.1, a loopback address: refused unless"
                        + " firebreak.notify.allowed-networks includes it");
    }

    @Test
    void publicAddresses_pass_butPlainHttpOnlyInsideAllowedNetworks() throws Exception {
        NetworkPolicy strict = policy();
        assertThat(strict.check(URI.create("https://93.184.215.14/x"))).hasSize(1);
        assertThat(strict.check(URI.create("https://[2606:4700::1111]/x"))).hasSize(1);
        assertThat(strict.check(URI.create("https://172.32.0.1/"))).hasSize(1);
        assertThatThrownBy(() -> strict.check(URI.create("http://93.184.215.14/x")))
                .hasMessageContaining("plain http");
    }

    @Test
    void allowedNetworks_letTheirAddressesThrough() throws Exception {
        NetworkPolicy loopback = policy("127.0.0.0/8", "fd00::/8");
        assertThat(loopback.check(URI.create("http://127.0.0.1:8080/hook")))
                .containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(loopback.check(URI.create("https://[fd00::5]/"))).hasSize(1);
        assertThatThrownBy(() -> loopback.check(URI.create("https://10.0.0.1/")))
                .isInstanceOf(NetworkPolicy.Refused.class);
        assertThatThrownBy(() -> loopback.check(URI.create("https://[::1]/")))
                .as("IPv6 loopback is not in 127.0.0.0/8")
                .isInstanceOf(NetworkPolicy.Refused.class);
        assertThat(policy("10.1.2.3").check(URI.create("https://10.1.2.3/"))).hasSize(1);
    }

    @Test
    void badSettings_failAtStart() {
        assertThatThrownBy(() -> policy("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'10.0.0.0/33' is not a CIDR block");
        assertThatThrownBy(() -> policy("intranet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'intranet'");
    }
}
