package io.waymark.friends;

import java.util.Set;

import io.waymark.account.CurrentAccount;
import org.springframework.stereotype.Component;

/**
 * Who is asking the current request. Controllers can also take a {@link Viewer} parameter, which
 * is resolved by this. Asked per request: a change of groups applies to the next request, also
 * for a dashboard whose session began before it.
 */
@Component
public class CurrentViewer {

    /** No user: sees nothing (only reached where a request got past security anonymously). */
    static final Viewer NOBODY = new Viewer(null, false, Visibility.only(Set.of()));

    private final CurrentAccount account;

    private final Friends friends;

    CurrentViewer(CurrentAccount account, Friends friends) {
        this.account = account;
        this.friends = friends;
    }

    public Viewer get() {
        if (!account.securityEnabled()) {
            return Viewer.UNRESTRICTED;
        }
        return account.get().map(a -> of(a.username(), a.admin())).orElse(NOBODY);
    }

    /** The viewer {@code username} is, e.g. for a broker client or a stream subscriber. */
    public Viewer of(String username, boolean admin) {
        return new Viewer(username, admin, admin ? Visibility.EVERYONE : friends.visibleTo(username));
    }
}
