package io.waymark.account;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Users in table {@code account}; their password hashes never leave this package. */
@Component
class UserStore {

    private final JdbcClient jdbc;

    private final LoginCache logins;

    private final Clock clock;

    UserStore(JdbcClient jdbc, LoginCache logins, Clock clock) {
        this.jdbc = jdbc;
        this.logins = logins;
        this.clock = clock;
    }

    Optional<StoredUser> find(String username) {
        return jdbc.sql("SELECT user_name, password_hash, role, created_at FROM account WHERE user_name = :name")
            .param("name", username)
            .query(UserStore::row)
            .optional();
    }

    List<StoredUser> all() {
        return jdbc.sql("SELECT user_name, password_hash, role, created_at FROM account ORDER BY user_name")
            .query(UserStore::row)
            .list();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single() == 0;
    }

    long admins() {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE role = 'ADMIN'").query(Long.class).single();
    }

    /** @return false when the user exists already */
    boolean create(String username, String passwordHash, Role role) {
        try {
            jdbc.sql("INSERT INTO account (user_name, password_hash, role, created_at) VALUES (:name, :hash, :role, :at)")
                .param("name", username)
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    boolean updatePassword(String username, String passwordHash) {
        boolean updated = jdbc.sql("UPDATE account SET password_hash = :hash WHERE user_name = :name")
            .param("hash", passwordHash)
            .param("name", username)
            .update() > 0;
        logins.clear(); // the old password must stop working at once
        return updated;
    }

    /** Deletes the user and its tokens. */
    @Transactional
    boolean delete(String username) {
        jdbc.sql("DELETE FROM api_token WHERE user_name = :name").param("name", username).update();
        boolean deleted = jdbc.sql("DELETE FROM account WHERE user_name = :name").param("name", username).update() > 0;
        logins.clear();
        return deleted;
    }

    private static StoredUser row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new StoredUser(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                rs.getObject(4, OffsetDateTime.class).toInstant());
    }

    record StoredUser(String username, String passwordHash, Role role, Instant createdAt) {

        Account account() {
            return new Account(username, role);
        }
    }
}
