package dev.firebreak.oncall.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.oncall.ContactMethod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code contact_methods}: how each person is reached, in their own order. */
@Repository
public class ContactMethodStore {
    private final JdbcClient jdbc;
    private final Clock clock;

    ContactMethodStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<ContactMethod> list(String username) {
        return jdbc.sql("select * from contact_methods where username = ? order by position, id")
                .param(username)
                .query(ContactMethodStore::row)
                .list();
    }

    /** Everybody's, keyed by username: one query for the people list. */
    public Map<String, List<ContactMethod>> all() {
        Map<String, List<ContactMethod>> all = new LinkedHashMap<>();
        jdbc.sql("select * from contact_methods order by username, position, id")
                .query(rs -> {
                    all.computeIfAbsent(rs.getString("username"), u -> new ArrayList<>())
                            .add(row(rs, 0));
                });
        return all;
    }

    public boolean exists(String username, ContactMethod.Kind kind, String address) {
        return jdbc.sql("select count(*) from contact_methods where username = ? and kind = ? and address = ?")
                        .params(username, kind.name(), address)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public int count(String username) {
        return jdbc.sql("select count(*) from contact_methods where username = ?")
                .param(username)
                .query(Integer.class)
                .single();
    }

    /** Appends after the person's last method. */
    public ContactMethod add(String username, ContactMethod.Kind kind, String address, String label) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from contact_methods where username = ?")
                .param(username)
                .query(Integer.class)
                .single();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into contact_methods (username, kind, address, label, position, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(username, kind.name(), address, label, position, utc(clock.instant()))
                .update(keys, "id");
        return new ContactMethod(keys.getKey().longValue(), kind, address, label);
    }

    public boolean delete(String username, long id) {
        return jdbc.sql("delete from contact_methods where username = ? and id = ?")
                        .params(username, id)
                        .update()
                > 0;
    }

    private static ContactMethod row(ResultSet rs, int n) throws SQLException {
        return new ContactMethod(
                rs.getLong("id"),
                ContactMethod.Kind.valueOf(rs.getString("kind")),
                rs.getString("address"),
                rs.getString("label"));
    }
}
