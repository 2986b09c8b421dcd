package dev.firebreak.statuspage.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.statuspage.StatusComponent;
import dev.firebreak.statuspage.StatusPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Status pages and their components (V23). Callers hold the transaction. */
@Repository
public class PageStore {
    private final JdbcClient jdbc;

    PageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertPage(String slug, String name, String url, String timeZone, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into status_pages (public_id, slug, name, url, time_zone, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(PublicIds.newId(), slug, name, url, timeZone, utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public long insertComponent(
            long pageId, String name, String description, String group, String service, int position, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into status_components (public_id, page_id, name, description, group_name, service,"
                        + " position, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(PublicIds.newId(), pageId, name, description, group, service, position, utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Anything on the page changed: its {@code updated_at} is what pollers compare. */
    public void touch(long pageId, Instant now) {
        jdbc.sql("update status_pages set updated_at = ? where id = ?")
                .params(utc(now), pageId)
                .update();
    }

    public Optional<StatusPage> bySlug(String slug) {
        return jdbc.sql("select * from status_pages where slug = ?")
                .param(slug)
                .query(PageStore::page)
                .optional();
    }

    public Optional<StatusPage> byId(long id) {
        return jdbc.sql("select * from status_pages where id = ?")
                .param(id)
                .query(PageStore::page)
                .optional();
    }

    public List<StatusPage> all() {
        return jdbc.sql("select * from status_pages order by name, id")
                .query(PageStore::page)
                .list();
    }

    public List<StatusComponent> components(long pageId) {
        return jdbc.sql("select * from status_components where page_id = ? order by position, id")
                .param(pageId)
                .query(PageStore::component)
                .list();
    }

    public int nextPosition(long pageId) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from status_components where page_id = ?")
                .param(pageId)
                .query(Integer.class)
                .single();
    }

    static StatusPage page(ResultSet rs, int n) throws SQLException {
        return new StatusPage(
                rs.getLong("id"),
                rs.getString("public_id"),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("url"),
                rs.getString("time_zone"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static StatusComponent component(ResultSet rs, int n) throws SQLException {
        return new StatusComponent(
                rs.getLong("id"),
                rs.getString("public_id"),
                rs.getLong("page_id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("group_name"),
                rs.getString("service"),
                rs.getInt("position"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
