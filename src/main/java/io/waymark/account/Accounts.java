package io.waymark.account;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Checks credentials, the same way for HTTP (Basic, Bearer, the login form) and the broker: a user
 * name with its password or one of its API tokens as the password, rate-limited per user and
 * address by {@link LoginAttempts}.
 */
@Component
public class Accounts {

    private final UserStore users;

    private final TokenStore tokens;

    private final PasswordEncoder encoder;

    private final LoginAttempts attempts;

    private final LoginCache cache;

    /** Checked for unknown users too, so that answering does not tell which names exist. */
    private final Supplier<String> dummyHash;

    Accounts(UserStore users, TokenStore tokens, PasswordEncoder encoder, LoginAttempts attempts, LoginCache cache) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.attempts = attempts;
        this.cache = cache;
        this.dummyHash = SingletonSupplier.of(() -> encoder.encode(TokenHash.randomText(16)));
    }

    /**
     * @param address the client's address (for the lockout), or null
     * @return the account, or empty when the credentials are wrong or the user or address is
     *         locked out
     */
    public Optional<Account> authenticate(String username, String secret, String address) {
        if (username == null || secret == null || attempts.isLocked(username, address)) {
            return Optional.empty();
        }
        Optional<Account> cached = cache.find(username, secret);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Account> account = verify(username, secret);
        account.ifPresentOrElse(a -> {
            attempts.succeeded(username);
            cache.remember(a, secret);
        }, () -> attempts.failed(username, address));
        return account;
    }

    /** A Bearer token on its own. */
    public Optional<Account> authenticateToken(String token, String address) {
        if (token == null || attempts.isLocked(null, address)) {
            return Optional.empty();
        }
        Optional<Account> account = tokens.userOf(token).flatMap(users::find).map(UserStore.StoredUser::account);
        if (account.isEmpty()) {
            attempts.failed(null, address);
        }
        return account;
    }

    /** The user's account as it is now (its role may have changed since it logged in), if it still exists. */
    public Optional<Account> find(String username) {
        return username == null ? Optional.empty() : users.find(username).map(UserStore.StoredUser::account);
    }

    public boolean isLocked(String username, String address) {
        return attempts.isLocked(username, address);
    }

    private Optional<Account> verify(String username, String secret) {
        Optional<UserStore.StoredUser> user = users.find(username);
        if (user.isEmpty()) {
            encoder.matches(secret, dummyHash.get());
            return Optional.empty();
        }
        boolean matches = secret.startsWith(TokenHash.PREFIX)
                ? tokens.userOf(secret).filter(username::equals).isPresent()
                : encoder.matches(secret, user.get().passwordHash());
        return matches ? Optional.of(user.get().account()) : Optional.empty();
    }
}
