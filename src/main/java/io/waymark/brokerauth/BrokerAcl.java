package io.waymark.brokerauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.waymark.account.Accounts;
import io.waymark.account.Viewer;
import io.waymark.broker.BrokerAuthorizer;
import io.waymark.broker.BrokerClient;
import io.waymark.friends.CurrentViewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's ACL. A client publishes (and registers its will) only on topics whose
 * user level is its own user name. It may subscribe to its own topics, its friends', and to
 * filters with a wildcard at the user level ({@code owntracks/+/+}, as the OwnTracks apps do):
 * from those it receives only the messages of users it may see ({@link #mayReceive}). A filter
 * naming a stranger is refused. Admins may subscribe to and receive everything. Anonymous
 * clients (only with {@code waymark.broker.allow-anonymous=true}) are not held to it.
 * <p>
 * What a user may see is asked of {@code friends} at most every few seconds per user, not at
 * every delivery.
 */
class BrokerAcl implements BrokerAuthorizer {

    private static final Logger log = LoggerFactory.getLogger(BrokerAcl.class);

    private static final Duration VIEWER_TTL = Duration.ofSeconds(5);

    private static final int MAX_CACHED = 10_000;

    private final Accounts accounts;

    private final CurrentViewer viewers;

    private final Clock clock;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    BrokerAcl(Accounts accounts, CurrentViewer viewers, Clock clock) {
        this.accounts = accounts;
        this.viewers = viewers;
        this.clock = clock;
    }

    @Override
    public boolean mayPublish(BrokerClient client, String topic) {
        if (client.username() == null) {
            return true;
        }
        boolean own = client.username().equals(TopicUser.of(topic));
        if (!own) {
            log.warn("Refused a publish of MQTT client '{}' (user '{}') to '{}': not its own topic", client.clientId(),
                    client.username(), topic);
        }
        return own;
    }

    @Override
    public boolean maySubscribe(BrokerClient client, String topicFilter) {
        if (client.username() == null) {
            return true;
        }
        Viewer viewer = viewer(client.username());
        String user = TopicUser.ofFilter(topicFilter);
        boolean allowed = viewer.admin() || TopicUser.isWildcard(user) || (user != null && viewer.canSee(user));
        if (!allowed) {
            log.info("Refused a subscription of MQTT client '{}' (user '{}') to '{}'", client.clientId(),
                    client.username(), topicFilter);
        }
        return allowed;
    }

    @Override
    public boolean mayReceive(BrokerClient client, String topic) {
        return client.username() == null || viewer(client.username()).canSee(TopicUser.of(topic));
    }

    private Viewer viewer(String username) {
        Instant now = clock.instant();
        Cached cached = cache.get(username);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.viewer();
        }
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        Viewer viewer = accounts.find(username).map(a -> viewers.of(a.username(), a.admin())).orElse(Viewer.NOBODY);
        cache.put(username, new Cached(viewer, now.plus(VIEWER_TTL)));
        return viewer;
    }

    private record Cached(Viewer viewer, Instant expires) {
    }
}
