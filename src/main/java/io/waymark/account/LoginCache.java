package io.waymark.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Remembers recently verified credentials for a few minutes: a script sending HTTP Basic with
 * every request would otherwise pay a bcrypt check (tens of milliseconds of CPU) each time. Keyed
 * by user name and a SHA-256 of the secret; emptied whenever a password, user or token changes,
 * so nothing stays valid a moment longer than it is.
 */
@Component
class LoginCache {

    private static final Duration TTL = Duration.ofMinutes(5);

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private final Clock clock;

    LoginCache(Clock clock) {
        this.clock = clock;
    }

    Optional<Account> find(String username, String secret) {
        Entry entry = entries.get(username);
        if (entry == null || !entry.secretHash().equals(TokenHash.of(secret)) || clock.instant().isAfter(entry.expires())) {
            return Optional.empty();
        }
        return Optional.of(entry.account());
    }

    void remember(Account account, String secret) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(account.username(), new Entry(account, TokenHash.of(secret), clock.instant().plus(TTL)));
    }

    void clear() {
        entries.clear();
    }

    private record Entry(Account account, String secretHash, Instant expires) {
    }
}
