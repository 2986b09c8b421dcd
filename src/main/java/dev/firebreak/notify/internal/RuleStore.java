package dev.firebreak.notify.internal;

import dev.firebreak.notify.NotificationRule;
import dev.firebreak.notify.Urgency;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People's notification rules. */
@Repository
public class RuleStore {
    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<NotificationRule> rules(String username) {
        return jdbc.sql("select * from notify_rules where username = ? order by urgency, delay_seconds, id")
                .param(username)
                .query((rs, n) -> new NotificationRule(
                        rs.getLong("id"),
                        Urgency.valueOf(rs.getString("urgency")),
                        rs.getLong("contact_method_id"),
                        Duration.ofSeconds(rs.getLong("delay_seconds"))))
                .list();
    }

    /** Replaces the person's rules as a whole, in the caller's transaction. */
    public void replace(String username, List<NotificationRule> rules) {
        jdbc.sql("delete from notify_rules where username = ?").param(username).update();
        for (NotificationRule rule : rules) {
            jdbc.sql(
                            "insert into notify_rules (username, urgency, contact_method_id, delay_seconds) values (?, ?, ?, ?)")
                    .params(
                            username,
                            rule.urgency().name(),
                            rule.contactMethodId(),
                            rule.delay().toSeconds())
                    .update();
        }
    }
}
