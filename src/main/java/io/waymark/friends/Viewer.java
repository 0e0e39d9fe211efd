package io.waymark.friends;

import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is asking, and whose devices that viewer may see: controllers take it as a parameter.
 * An admin sees everyone; with security switched off everyone is an unrestricted viewer.
 *
 * @param username the user name, or {@code null} for the unrestricted viewer of
 *        {@code waymark.security.enabled=false}
 */
public record Viewer(String username, boolean admin, Visibility visibility) {

    /** Everyone, when security is switched off. */
    public static final Viewer UNRESTRICTED = new Viewer(null, true, Visibility.EVERYONE);

    public boolean canSee(String owner) {
        return admin || visibility.allows(owner);
    }

    /** True when this viewer is {@code user} itself or an admin. */
    public boolean isSelfOrAdmin(String user) {
        return admin || user.equals(username);
    }

    /**
     * For changes to {@code user}'s devices (cards, commands): only that user or an admin. A
     * viewer who may see them gets 403; one who may not even see them gets {@code notFound}, the
     * answer an unknown device gets, so nothing tells it the device exists.
     */
    public void requireSelfOrAdmin(String user, Supplier<? extends RuntimeException> notFound) {
        if (isSelfOrAdmin(user)) {
            return;
        }
        if (!canSee(user)) {
            throw notFound.get();
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only '" + user + "' or an admin may change its devices");
    }
}
