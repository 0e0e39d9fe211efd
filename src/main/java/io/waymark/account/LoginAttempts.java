package io.waymark.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per user name and per address and locks either out for a while after too
 * many: the same for the REST API, the dashboard and the broker. Plain Java: callers ask
 * {@link #isLocked} before checking a password and report the outcome.
 */
@Component
public class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    /** Beyond this many tracked keys, expired ones are swept out (a flood of names cannot grow it for ever). */
    private static final int SWEEP_ABOVE = 10_000;

    private final SecurityProperties.Login limits;

    private final Clock clock;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginAttempts(SecurityProperties properties, Clock clock) {
        this.limits = properties.login();
        this.clock = clock;
    }

    /** True while {@code user} or {@code address} (either may be null) is locked out. */
    public boolean isLocked(String user, String address) {
        Instant now = clock.instant();
        return locked(userKey(user), now) || locked(addressKey(address), now);
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        count(userKey(user), limits.maxFailures(), now);
        count(addressKey(address), limits.maxFailuresPerAddress(), now);
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(f -> f.expired(now, limits));
        }
    }

    /** A successful login forgets the user's failures (not the address's). */
    public void succeeded(String user) {
        String key = userKey(user);
        if (key != null) {
            failures.computeIfPresent(key, (k, f) -> f.lockedUntil() == null ? null : f);
        }
    }

    private boolean locked(String key, Instant now) {
        if (key == null) {
            return false;
        }
        Failures f = failures.get(key);
        return f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil());
    }

    private void count(String key, int max, Instant now) {
        if (key == null) {
            return;
        }
        boolean[] lockedNow = new boolean[1];
        failures.compute(key, (k, f) -> {
            if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
                return f; // already locked: failures meanwhile do not extend or reset it
            }
            Failures current = f == null || f.expired(now, limits) ? new Failures(0, now, null) : f;
            int count = current.count() + 1;
            lockedNow[0] = count >= max;
            return lockedNow[0] ? new Failures(0, now, now.plus(limits.lockout())) : new Failures(count, current.first(), null);
        });
        if (lockedNow[0]) {
            log.warn("Too many failed logins for {}: locked out for {}", key, limits.lockout());
        }
    }

    private static String userKey(String user) {
        return user == null || user.isEmpty() ? null : "user " + user;
    }

    private static String addressKey(String address) {
        return address == null || address.isEmpty() ? null : "address " + address;
    }

    private record Failures(int count, Instant first, Instant lockedUntil) {

        boolean expired(Instant now, SecurityProperties.Login limits) {
            return lockedUntil != null ? !now.isBefore(lockedUntil) : now.isAfter(first.plus(limits.window()));
        }
    }
}
