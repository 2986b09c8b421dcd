package dev.firebreak.notify.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.Message;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.MessageState;
import dev.firebreak.notify.Urgency;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The ledger's rows: messages and their attempts. Callers hold the transaction. */
@Repository
public class MessageStore {
    private final JdbcClient jdbc;

    MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a message unless its cause already wrote one; empty then. */
    public Optional<Long> insert(NewMessage message, Instant now) {
        if (jdbc.sql("select count(*) from notify_messages where cause_key = ?")
                        .param(message.causeKey())
                        .query(Integer.class)
                        .single()
                > 0) {
            return Optional.empty();
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into notify_messages (message_key, cause_key, kind, incident_id, page_id, page_seq,"
                            + " username, contact_method_id, channel_id, channel_type, address, urgency, state,"
                            + " due_at, created_at, attempts, subject, body)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                    .params(
                            UUID.randomUUID().toString(),
                            message.causeKey(),
                            message.kind().name(),
                            message.incidentId(),
                            message.pageId(),
                            message.pageSeq(),
                            message.username(),
                            message.contactMethodId(),
                            message.channelId(),
                            message.channel().id(),
                            message.address(),
                            message.urgency().name(),
                            MessageState.DUE.name(),
                            utc(message.dueAt()),
                            utc(now),
                            message.subject(),
                            message.body())
                    .update(keys, "id");
        } catch (DuplicateKeyException raced) {
            return Optional.empty();
        }
        return Optional.of(keys.getKeyAs(Number.class).longValue());
    }

    /** Locks the row for the sender or a state change; empty when it does not exist. */
    public Optional<MessageRow> lock(long id) {
        return jdbc.sql("select * from notify_messages where id = ? for update")
                .param(id)
                .query(MessageStore::row)
                .optional();
    }

    public Optional<MessageRow> find(long id) {
        return jdbc.sql("select * from notify_messages where id = ?")
                .param(id)
                .query(MessageStore::row)
                .optional();
    }

    public Optional<MessageRow> findByKey(String key) {
        return jdbc.sql("select * from notify_messages where message_key = ?")
                .param(key)
                .query(MessageStore::row)
                .optional();
    }

    /** Claims a message for sending: the attempt count grows, so a crash mid-send is visible. */
    void claim(long id) {
        jdbc.sql("update notify_messages set state = ?, attempts = attempts + 1, next_attempt_at = null where id = ?")
                .params(MessageState.SENDING.name(), id)
                .update();
    }

    /** The words as sent, kept for the incident page and audits. */
    void content(long id, String subject, String body) {
        jdbc.sql("update notify_messages set subject = ?, body = ? where id = ?")
                .params(limit(subject, 500), limit(body, 8000), id)
                .update();
    }

    void sent(long id, MessageState state, String providerId, Instant now) {
        jdbc.sql("update notify_messages set state = ?, sent_at = ?, provider_id = ?, last_error = null where id = ?")
                .params(state.name(), utc(now), providerId, id)
                .update();
    }

    void retryAt(long id, Instant at, String error) {
        jdbc.sql("update notify_messages set state = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(MessageState.DUE.name(), utc(at), limit(error), id)
                .update();
    }

    /** Puts a message back to wait (a throttle), without counting an attempt. */
    void postpone(long id, Instant at, String why) {
        jdbc.sql("update notify_messages set state = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(MessageState.DUE.name(), utc(at), limit(why), id)
                .update();
    }

    void cancel(long id, String why) {
        jdbc.sql("update notify_messages set state = ?, last_error = ?, next_attempt_at = null where id = ?")
                .params(MessageState.CANCELLED.name(), limit(why), id)
                .update();
    }

    void failed(long id, String reason) {
        jdbc.sql("update notify_messages set state = ?, last_error = ?, next_attempt_at = null where id = ?")
                .params(MessageState.FAILED.name(), limit(reason), id)
                .update();
    }

    void bundled(long id, long into) {
        jdbc.sql("update notify_messages set state = ?, bundle_id = ? where id = ? and state = ?")
                .params(MessageState.BUNDLED.name(), into, id, MessageState.DUE.name())
                .update();
    }

    /** Bundled messages follow the message that carried them. */
    void settleBundle(long bundleId, MessageState state, Instant sentAt, String error) {
        jdbc.sql("update notify_messages set state = ?, sent_at = ?, last_error = ? where bundle_id = ? and state = ?")
                .params(
                        state.name(),
                        sentAt == null ? null : utc(sentAt),
                        limit(error),
                        bundleId,
                        MessageState.BUNDLED.name())
                .update();
    }

    public boolean delivered(String key, Instant at) {
        return jdbc.sql("update notify_messages set state = ?, delivered_at = ? where message_key = ? and state = ?")
                        .params(MessageState.DELIVERED.name(), utc(at), key, MessageState.SENT.name())
                        .update()
                > 0;
    }

    /**
     * Messages of these kinds not sent yet for an incident that no longer needs them, in one
     * statement; a message being sent right now is past DUE and goes out.
     */
    int cancelPending(long incidentId, String why, MessageKind... kinds) {
        return jdbc.sql("update notify_messages set state = ?, last_error = ? where incident_id = ?"
                        + " and kind in (?, ?) and state = ?")
                .params(
                        MessageState.CANCELLED.name(),
                        why,
                        incidentId,
                        kinds[0].name(),
                        kinds[kinds.length - 1].name(),
                        MessageState.DUE.name())
                .update();
    }

    /** Other pages to the same contact method that are due by {@code now}: a burst to bundle. */
    List<MessageRow> dueForContact(long contactMethodId, long except, Instant now) {
        return jdbc.sql("select * from notify_messages where contact_method_id = ? and id <> ? and state = ?"
                        + " and kind = ? and coalesce(next_attempt_at, due_at) <= ? order by id for update")
                .params(contactMethodId, except, MessageState.DUE.name(), MessageKind.PAGE.name(), utc(now))
                .query(MessageStore::row)
                .list();
    }

    /** When the contact method last got a message, for the throttle. */
    Optional<Instant> lastSentTo(long contactMethodId) {
        return jdbc.sql("select max(sent_at) from notify_messages where contact_method_id = ? and sent_at is not null")
                .param(contactMethodId)
                .query((rs, n) -> instant(rs, 1))
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    int sentToUserSince(String username, Instant since) {
        return jdbc.sql(
                        "select count(*) from notify_messages where username = ? and sent_at >= ? and bundle_id is null")
                .params(username, utc(since))
                .query(Integer.class)
                .single();
    }

    /** The user's messages still to go for one escalation advance of an incident. */
    List<MessageRow> pendingForAdvance(long incidentId, int seq) {
        return jdbc.sql("select * from notify_messages where incident_id = ? and page_seq = ? and state in (?, ?, ?)")
                .params(
                        incidentId,
                        seq,
                        MessageState.DUE.name(),
                        MessageState.SENDING.name(),
                        MessageState.BUNDLED.name())
                .query(MessageStore::row)
                .list();
    }

    /** Whether any message of the advance reached (or may still reach) somebody. */
    boolean anyReached(long incidentId, int seq) {
        return jdbc.sql(
                                "select count(*) from notify_messages where incident_id = ? and page_seq = ? and state in (?, ?)")
                        .params(incidentId, seq, MessageState.SENT.name(), MessageState.DELIVERED.name())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The next rule's message for the same page, made due now after a permanent failure. */
    Optional<MessageRow> nextForPage(long pageId, long after) {
        return jdbc
                .sql("select * from notify_messages where page_id = ? and id <> ? and state = ? order by due_at, id")
                .params(pageId, after, MessageState.DUE.name())
                .query(MessageStore::row)
                .list()
                .stream()
                .findFirst();
    }

    void dueNow(long id, Instant now) {
        jdbc.sql("update notify_messages set next_attempt_at = ? where id = ? and state = ?")
                .params(utc(now), id, MessageState.DUE.name())
                .update();
    }

    void attempt(long id, Message.Attempt attempt) {
        jdbc.sql("insert into notify_attempts (message_id, attempt, started_at, latency_ms, outcome, status_code,"
                        + " answer) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        attempt.number(),
                        utc(attempt.startedAt()),
                        attempt.latencyMillis(),
                        attempt.outcome().name(),
                        attempt.status(),
                        limit(attempt.answer()))
                .update();
    }

    public List<MessageRow> forIncident(long incidentId) {
        return jdbc.sql("select * from notify_messages where incident_id = ? order by id")
                .param(incidentId)
                .query(MessageStore::row)
                .list();
    }

    public List<MessageRow> after(long afterId, int limit) {
        return jdbc.sql("select * from notify_messages where id > ? order by id limit ?")
                .params(afterId, limit)
                .query(MessageStore::row)
                .list();
    }

    public List<Message.Attempt> attempts(long messageId) {
        return jdbc.sql("select * from notify_attempts where message_id = ? order by attempt")
                .param(messageId)
                .query((rs, n) -> new Message.Attempt(
                        rs.getInt("attempt"),
                        instant(rs, "started_at"),
                        rs.getLong("latency_ms"),
                        Message.Outcome.valueOf(rs.getString("outcome")),
                        (Integer) rs.getObject("status_code"),
                        rs.getString("answer")))
                .list();
    }

    /** Counts by state, for the metrics. */
    public List<Object[]> countsByChannelAndState() {
        return jdbc.sql("select channel_type, state, count(*) from notify_messages group by channel_type, state")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})
                .list();
    }

    private static String limit(String text) {
        return limit(text, 1000);
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    static MessageRow row(ResultSet rs, int n) throws SQLException {
        return new MessageRow(
                rs.getLong("id"),
                rs.getString("message_key"),
                rs.getString("cause_key"),
                MessageKind.valueOf(rs.getString("kind")),
                nullableLong(rs, "incident_id"),
                nullableLong(rs, "page_id"),
                nullableInt(rs, "page_seq"),
                rs.getString("username"),
                nullableLong(rs, "contact_method_id"),
                nullableLong(rs, "channel_id"),
                ChannelType.of(rs.getString("channel_type")),
                rs.getString("address"),
                Urgency.valueOf(rs.getString("urgency")),
                MessageState.valueOf(rs.getString("state")),
                instant(rs, "due_at"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"),
                instant(rs, "delivered_at"),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                rs.getString("provider_id"),
                nullableLong(rs, "bundle_id"),
                rs.getString("subject"),
                rs.getString("body"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
