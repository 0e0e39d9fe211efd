package io.waymark.account;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** API tokens: shown once, stored hashed, usable as Bearer (or as the password), revoked at once. */
class ApiTokenTest extends EmbeddedWaymarkTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenWorksUntilItIsRevokedAndThenNotForAMomentLonger() {
        Api tina = user("tina");
        Api.Response created = tina.send("POST", "/api/v1/tokens", "{\"name\":\"backup script\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode json = created.json();
        String id = json.get("id").asString();
        String token = json.get("token").asString();
        assertThat(json.get("name").asString()).isEqualTo("backup script");
        assertThat(token).startsWith("wm_").hasSizeGreaterThan(40);

        Api bearer = api().anonymous().withToken(token);
        assertThat(bearer.call("/api/v1/devices").status()).isEqualTo(200);
        assertThat(api().as("tina", token).call("/api/v1/devices").status()).as("a token as the Basic password").isEqualTo(200);
        assertThat(bearer.call("/api/v1/users").status()).as("a token has its user's rights, no more").isEqualTo(403);

        String list = tina.call("/api/v1/tokens").body();
        assertThat(list).contains(id, "backup script", "createdAt").doesNotContain(token, "hash");
        String stored = jdbc.sql("SELECT token_hash FROM api_token WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(stored).isNotEqualTo(token).doesNotContain(token.substring(3)).hasSize(64);
        assertThat(api().call("/api/v1/tokens").body()).as("everyone lists their own").doesNotContain(id);

        Api other = user("tobias");
        assertThat(other.send("DELETE", "/api/v1/tokens/" + id, null).status()).as("not someone else's").isEqualTo(404);
        assertThat(bearer.call("/api/v1/devices").status()).isEqualTo(200);

        assertThat(tina.send("DELETE", "/api/v1/tokens/" + id, null).status()).isEqualTo(204);
        Api.Response revoked = bearer.call("/api/v1/devices");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.contentType()).startsWith("application/problem+json");
        assertThat(api().as("tina", token).call("/api/v1/devices").status()).isEqualTo(401);
        assertThat(tina.send("DELETE", "/api/v1/tokens/" + id, null).status()).isEqualTo(404);
        assertThat(tina.call("/api/v1/tokens").body()).doesNotContain(id);
    }

    @Test
    void anAdminRevokesAnyonesTokenAndTokensNeedAName() {
        Api tom = user("tom");
        String id = tom.send("POST", "/api/v1/tokens", "{\"name\":\"phone\"}").json().get("id").asString();
        assertThat(tom.send("POST", "/api/v1/tokens", "{\"name\":\"\"}").status()).isEqualTo(400);
        assertThat(api().send("DELETE", "/api/v1/tokens/" + id, null).status()).isEqualTo(204);
        assertThat(tom.call("/api/v1/tokens").body()).doesNotContain(id);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        user("hannah");
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE user_name = 'hannah'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("hannah-password");
    }

    private Api user(String name) {
        assertThat(api().send("POST", "/api/v1/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + name + "-password\"}").status()).isEqualTo(201);
        return api().as(name, name + "-password");
    }
}
