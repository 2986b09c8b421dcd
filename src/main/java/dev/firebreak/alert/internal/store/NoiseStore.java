package dev.firebreak.alert.internal.store;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.alert.NoisyAlert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Firings per fingerprint over the alerts table; labels read for the few rows shown. */
@Repository
public class NoiseStore {
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NoiseStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<NoisyAlert> noisiest(Instant from, Instant to, int limit) {
        return jdbc.sql("select n.fingerprint, n.firings, n.receives, n.last_id, l.labels_json, l.first_received_at"
                        + " from (select a.fingerprint, count(*) as firings, sum(r.receive_count) as receives,"
                        + " max(a.id) as last_id from alerts a join alert_receipts r on r.alert_id = a.id"
                        + " where a.first_received_at >= ? and a.first_received_at < ? group by a.fingerprint"
                        + " order by count(*) desc, sum(r.receive_count) desc, a.fingerprint fetch first "
                        + limit + " rows only) n join alerts l on l.id = n.last_id"
                        + " order by n.firings desc, n.receives desc, n.fingerprint")
                .params(utc(from), utc(to))
                .query((rs, n) -> {
                    Map<String, String> labels = json.readValue(rs.getString("labels_json"), MAP);
                    String fingerprint = rs.getString("fingerprint");
                    return new NoisyAlert(
                            fingerprint,
                            labels.getOrDefault("alertname", fingerprint),
                            rs.getLong("firings"),
                            rs.getLong("receives"),
                            instant(rs, "first_received_at"),
                            labels);
                })
                .list();
    }
}
