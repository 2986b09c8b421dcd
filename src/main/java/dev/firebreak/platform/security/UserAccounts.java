package dev.firebreak.platform.security;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.storage.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people who can log in, stored in {@code users}. */
@Service
public class UserAccounts implements UserDetailsService {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    static final int MIN_PASSWORD = 8;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public UserAccount create(String username, String password, Role role, String displayName, String email) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new FirebreakException.BadInput(
                    "username", "username must be 1-100 letters, digits or . _ @ - and start with a letter or digit");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new FirebreakException.BadInput(
                    "password", "password must have at least " + MIN_PASSWORD + " characters");
        }
        if (find(username).isPresent()) {
            throw new FirebreakException.Conflict("user '" + username + "' already exists");
        }
        Instant now = clock.instant();
        jdbc.sql("insert into users (username, display_name, email, password_hash, role, enabled, created_at)"
                        + " values (?, ?, ?, ?, ?, true, ?)")
                .params(username, displayName, email, passwords.encode(password), role.name(), Timestamps.utc(now))
                .update();
        return find(username).orElseThrow();
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.sql("select * from users where username = ?")
                .param(username)
                .query(UserAccounts::account)
                .optional();
    }

    public Optional<UserAccount> find(long id) {
        return jdbc.sql("select * from users where id = ?")
                .param(id)
                .query(UserAccounts::account)
                .optional();
    }

    public List<UserAccount> list() {
        return jdbc.sql("select * from users order by username")
                .query(UserAccounts::account)
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, role, enabled from users where username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .roles(rs.getString("role"))
                        .disabled(!rs.getBoolean("enabled"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                Timestamps.instant(rs, "created_at"));
    }
}
