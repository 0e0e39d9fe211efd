package io.waymark.account;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** API tokens in {@code api_token}, kept only as hashes. */
@Component
class TokenStore {

    private final JdbcClient jdbc;

    private final LoginCache logins;

    private final Clock clock;

    TokenStore(JdbcClient jdbc, LoginCache logins, Clock clock) {
        this.jdbc = jdbc;
        this.logins = logins;
        this.clock = clock;
    }

    /** Creates a token for {@code user}; the returned secret is the only time it is seen. */
    NewToken create(String user, String name) {
        String id = UUID.randomUUID().toString();
        String token = TokenHash.newToken();
        jdbc.sql("INSERT INTO api_token (id, user_name, name, token_hash, created_at) VALUES (:id, :user, :name, :hash, :at)")
            .param("id", id)
            .param("user", user)
            .param("name", name)
            .param("hash", TokenHash.of(token))
            .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
            .update();
        return new NewToken(id, name, token);
    }

    List<TokenInfo> of(String user) {
        return jdbc.sql("SELECT id, name, created_at FROM api_token WHERE user_name = :user ORDER BY created_at, id")
            .param("user", user)
            .query((rs, i) -> new TokenInfo(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
            .list();
    }

    Optional<String> owner(String id) {
        return jdbc.sql("SELECT user_name FROM api_token WHERE id = :id").param("id", id).query(String.class).optional();
    }

    boolean delete(String id) {
        boolean deleted = jdbc.sql("DELETE FROM api_token WHERE id = :id").param("id", id).update() > 0;
        logins.clear(); // a token used as a broker or Basic password stops working at once too
        return deleted;
    }

    /** The user a token belongs to. */
    Optional<String> userOf(String token) {
        return jdbc.sql("SELECT user_name FROM api_token WHERE token_hash = :hash")
            .param("hash", TokenHash.of(token))
            .query(String.class)
            .optional();
    }

    record NewToken(String id, String name, String token) {
    }

    record TokenInfo(String id, String name, Instant createdAt) {
    }
}
