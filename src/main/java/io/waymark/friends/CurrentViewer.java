package io.waymark.friends;

import io.waymark.account.CurrentAccount;
import io.waymark.account.Viewer;
import io.waymark.account.Visibility;
import org.springframework.stereotype.Component;

/**
 * Who is asking the current request. Controllers can also take a {@link Viewer} parameter, which
 * is resolved by this. Asked per request: a change of groups applies to the next request, also
 * for a dashboard whose session began before it.
 */
@Component
public class CurrentViewer {

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
        return account.get().map(a -> of(a.username(), a.admin())).orElse(Viewer.NOBODY);
    }

    /** The viewer {@code username} is, e.g. for a broker client or a stream subscriber. */
    public Viewer of(String username, boolean admin) {
        return new Viewer(username, admin, admin ? Visibility.EVERYONE : friends.visibleTo(username));
    }
}
