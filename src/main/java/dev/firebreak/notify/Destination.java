package dev.firebreak.notify;

import java.util.List;

/**
 * Where one message goes.
 *
 * @param address an email address, a webhook or topic URL
 * @param secrets signing secrets ({@code whsec_...}), current first; two during a rotation's overlap
 */
public record Destination(String address, String label, List<String> secrets) {
    public Destination {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }
}
