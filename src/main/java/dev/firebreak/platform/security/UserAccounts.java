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
    static final int MAX_PASSWORD = 200;

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
        checkPassword("password", password);
        if (email != null && !email.isBlank()) {
            email = EmailAddress.check("email", email);
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

    /** A person changes their own password; the current one must be right. */
    @Transactional
    public void changePassword(String username, String current, String next) {
        String hash = jdbc.sql("select password_hash from users where username = ?")
                .param(username)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new FirebreakException.NotFound("no user '" + username + "'"));
        if (current == null || !passwords.matches(current, hash)) {
            throw new FirebreakException.BadInput("currentPassword", "the current password is not right");
        }
        checkPassword("newPassword", next);
        if (next.equals(current)) {
            throw new FirebreakException.BadInput("newPassword", "the new password is the same as the current one");
        }
        setHash(username, next);
    }

    /** An admin sets a new password for somebody who lost theirs. */
    @Transactional
    public void resetPassword(String username, String next) {
        require(username);
        checkPassword("newPassword", next);
        setHash(username, next);
    }

    /** Display name and email; null leaves a field as it is, blank clears it. */
    @Transactional
    public UserAccount updateDetails(String username, String displayName, String email) {
        UserAccount user = require(username);
        String name = displayName == null ? user.displayName() : blankToNull(displayName);
        if (name != null && name.length() > 200) {
            throw new FirebreakException.BadInput("displayName", "display name is longer than 200 characters");
        }
        String mail = email == null ? user.email() : email.isBlank() ? null : EmailAddress.check("email", email);
        jdbc.sql("update users set display_name = ?, email = ? where username = ?")
                .params(name, mail, username)
                .update();
        return require(username);
    }

    /**
     * Enables or disables a login; the last enabled admin cannot be disabled. Disabling also
     * withdraws an open invitation, which is how an admin cancels one.
     */
    @Transactional
    public UserAccount setEnabled(String username, boolean enabled) {
        UserAccount user = require(username);
        if (!enabled) {
            keepAnAdmin(user, "disable");
            UserInvitations.withdraw(jdbc, username);
        }
        jdbc.sql("update users set enabled = ? where username = ?")
                .params(enabled, username)
                .update();
        return require(username);
    }

    /** Changes a role; the last enabled admin cannot be demoted. */
    @Transactional
    public UserAccount changeRole(String username, Role role) {
        UserAccount user = require(username);
        if (role != Role.ADMIN) {
            keepAnAdmin(user, "demote");
        }
        jdbc.sql("update users set role = ? where username = ?")
                .params(role.name(), username)
                .update();
        return require(username);
    }

    /**
     * Refuses to take away the last enabled admin. The enabled admins' rows stay locked until the
     * commit, so two admins demoting each other at once cannot both succeed.
     */
    private void keepAnAdmin(UserAccount user, String action) {
        List<String> admins = jdbc.sql(
                        "select username from users where role = 'ADMIN' and enabled = true order by id for update")
                .query(String.class)
                .list();
        if (admins.size() == 1 && admins.getFirst().equals(user.username())) {
            throw new FirebreakException.Conflict("cannot " + action + " '" + user.username()
                    + "': it is the last enabled admin; make another admin first");
        }
    }

    private UserAccount require(String username) {
        return find(username).orElseThrow(() -> new FirebreakException.NotFound("no user '" + username + "'"));
    }

    private void setHash(String username, String password) {
        jdbc.sql("update users set password_hash = ? where username = ?")
                .params(passwords.encode(password), username)
                .update();
    }

    /** The same rules for a new account, a change and a reset. */
    private static void checkPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new FirebreakException.BadInput(field, "password must have at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new FirebreakException.BadInput(field, "password must have at most " + MAX_PASSWORD + " characters");
        }
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    /**
     * Refuses (403, with {@code refusal}) a person who may only read: changes are for responders and
     * admins. Services check it too, since the CLI and other callers reach them past the web chains.
     */
    public void requireResponder(String username, String refusal) {
        Role role = find(username).map(UserAccount::role).orElse(null);
        if (role != Role.RESPONDER && role != Role.ADMIN) {
            throw new dev.firebreak.platform.FirebreakException.Forbidden(refusal);
        }
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
