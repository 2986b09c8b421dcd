package dev.firebreak.notify.internal.email;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.MessageState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Whether an address already got mail about an incident, so a later one is a reply in its thread. */
@Repository
class EmailThreads {
    private final JdbcClient jdbc;

    EmailThreads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean earlierSent(long incidentId, String address, long messageId) {
        return jdbc.sql("select count(*) from notify_messages where incident_id = ? and channel_type = ?"
                                + " and lower(address) = lower(?) and id < ? and state in (?, ?)")
                        .params(
                                incidentId,
                                ChannelType.EMAIL.id(),
                                address,
                                messageId,
                                MessageState.SENT.name(),
                                MessageState.DELIVERED.name())
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
