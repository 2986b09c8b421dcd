package dev.firebreak.statuspage.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.statuspage.Subscriber;
import dev.firebreak.statuspage.Subscriber.Kind;
import dev.firebreak.statuspage.Subscriber.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** A page's subscribers (V23). Callers hold the transaction. */
@Repository
public class SubscriberStore {
    private final JdbcClient jdbc;

    SubscriberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long pageId, Kind kind, String address, String confirmHash, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into status_subscribers (public_id, page_id, kind, address, state, confirm_hash,"
                        + " unsubscribe_token, created_at, last_requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        PublicIds.newId(),
                        pageId,
                        kind.name(),
                        address,
                        State.PENDING.name(),
                        confirmHash,
                        PublicIds.newToken(),
                        utc(now),
                        utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The latest subscription of the address to the page, locked. */
    public Optional<Subscriber> lockAddress(long pageId, Kind kind, String address) {
        return jdbc.sql("select * from status_subscribers where page_id = ? and kind = ? and address = ?"
                        + " order by id desc limit 1 for update")
                .params(pageId, kind.name(), address)
                .query(SubscriberStore::row)
                .optional();
    }

    public Optional<Subscriber> byId(long id) {
        return jdbc.sql("select * from status_subscribers where id = ?")
                .param(id)
                .query(SubscriberStore::row)
                .optional();
    }

    public Optional<Subscriber> byConfirmHash(long pageId, String hash) {
        return jdbc.sql("select * from status_subscribers where page_id = ? and confirm_hash = ?")
                .params(pageId, hash)
                .query(SubscriberStore::row)
                .optional();
    }

    public Optional<Subscriber> byUnsubscribeToken(long pageId, String token) {
        return jdbc.sql("select * from status_subscribers where page_id = ? and unsubscribe_token = ?")
                .params(pageId, token)
                .query(SubscriberStore::row)
                .optional();
    }

    /** A new confirmation goes out: a new token, and the resend clock starts again. */
    public void reissue(long id, String confirmHash, Instant now) {
        jdbc.sql("update status_subscribers set confirm_hash = ?, last_requested_at = ?, state = ?,"
                        + " unsubscribed_at = null where id = ?")
                .params(confirmHash, utc(now), State.PENDING.name(), id)
                .update();
    }

    public boolean confirm(long id, Instant now) {
        return jdbc.sql("update status_subscribers set state = ?, confirmed_at = ? where id = ? and state = ?")
                        .params(State.CONFIRMED.name(), utc(now), id, State.PENDING.name())
                        .update()
                > 0;
    }

    public void unsubscribe(long id, Instant now) {
        jdbc.sql("update status_subscribers set state = ?, unsubscribed_at = coalesce(unsubscribed_at, ?) where id = ?")
                .params(State.UNSUBSCRIBED.name(), utc(now), id)
                .update();
    }

    public List<Subscriber> confirmed(long pageId) {
        return jdbc.sql("select * from status_subscribers where page_id = ? and state = ? order by id")
                .params(pageId, State.CONFIRMED.name())
                .query(SubscriberStore::row)
                .list();
    }

    public int count(long pageId, State state) {
        return jdbc.sql("select count(*) from status_subscribers where page_id = ? and state = ?")
                .params(pageId, state.name())
                .query(Integer.class)
                .single();
    }

    static Subscriber row(ResultSet rs, int n) throws SQLException {
        return new Subscriber(
                rs.getLong("id"),
                rs.getString("public_id"),
                rs.getLong("page_id"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("address"),
                State.valueOf(rs.getString("state")),
                rs.getString("unsubscribe_token"),
                instant(rs, "created_at"),
                instant(rs, "confirmed_at"),
                instant(rs, "last_requested_at"));
    }
}
