package dev.firebreak.notify.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one-click unsubscribe link of a message to an outside subscriber (V23), for its mail headers. */
@Repository
public class ListUnsubscribeStore {
    private final JdbcClient jdbc;

    ListUnsubscribeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(long messageId, String url) {
        jdbc.sql("insert into notify_list_unsubscribe (message_id, url) values (?, ?)")
                .params(messageId, url)
                .update();
    }

    public Optional<String> find(long messageId) {
        return jdbc.sql("select url from notify_list_unsubscribe where message_id = ?")
                .param(messageId)
                .query(String.class)
                .optional();
    }
}
