package io.waymark.friends;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.waymark.support.Api;
import io.waymark.support.WaymarkTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Groups through {@code /api/v1/groups}, and the friends policy they drive in mode {@code groups}. */
@WaymarkTest
@TestPropertySource(properties = "waymark.friends.mode=groups")
class GroupsApiTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Friends friends;

    @Test
    void membersOfASharedGroupSeeEachOtherAndNobodyElse() throws Exception {
        assertThat(send("POST", "/api/v1/groups", "{\"name\":\"family\",\"members\":[\"gina\",\"gus\"]}").statusCode())
            .isEqualTo(201);
        assertThat(send("PUT", "/api/v1/groups/family/members/gwen", null).body()).contains("\"gwen\"");

        assertThat(friends.canSee("gina", "gus")).isTrue();
        assertThat(friends.canSee("gus", "gwen")).isTrue();
        assertThat(friends.canSee("gina", "stranger")).isFalse();
        assertThat(friends.canSee("stranger", "gina")).isFalse();
        assertThat(friends.canSee("stranger", "stranger")).isTrue();
        assertThat(friends.visibleTo("gina").users()).containsExactlyInAnyOrder("gina", "gus", "gwen");

        assertThat(send("DELETE", "/api/v1/groups/family/members/gus", null).statusCode()).isEqualTo(204);
        assertThat(friends.canSee("gina", "gus")).isFalse();
        assertThat(send("GET", "/api/v1/groups/family", null).body()).doesNotContain("\"gus\"");

        assertThat(send("DELETE", "/api/v1/groups/family", null).statusCode()).isEqualTo(204);
        assertThat(friends.canSee("gina", "gwen")).isFalse();
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        HttpResponse<String> invalid = send("POST", "/api/v1/groups", "{\"name\":\"no spaces\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        assertThat(send("POST", "/api/v1/groups", "{\"name\":\"twice\"}").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/groups", "{\"name\":\"twice\"}").statusCode()).isEqualTo(409);
        HttpResponse<String> missing = send("GET", "/api/v1/groups/nosuchgroup", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no group 'nosuchgroup'");
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Authorization", Api.basic("admin", Api.ADMIN_PASSWORD));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
