package io.waymark.account;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is asking, and whose devices that viewer may see: the one rule every face of Waymark
 * applies (REST, the Recorder API, the streams, exports, the broker). Controllers take it as a
 * parameter; {@code friends} decides the {@link Visibility}. An admin sees everyone; with
 * security switched off everyone is an unrestricted viewer.
 *
 * @param username the user name, or {@code null} for the unrestricted viewer of
 *        {@code waymark.security.enabled=false}
 */
public record Viewer(String username, boolean admin, Visibility visibility) {

    /** Everyone, when security is switched off. */
    public static final Viewer UNRESTRICTED = new Viewer(null, true, Visibility.EVERYONE);

    /** No user: sees nothing (only reached where a request got past security anonymously). */
    public static final Viewer NOBODY = new Viewer(null, false, Visibility.only(Set.of()));

    /** True when this viewer may see the devices (and all data) of {@code owner}. */
    public boolean canSee(String owner) {
        return admin || (owner != null && visibility.allows(owner));
    }

    /** The items this viewer may see, in their order; {@code owner} names the user each belongs to. */
    public <T> List<T> visible(List<T> items, Function<T, String> owner) {
        return admin ? items : items.stream().filter(item -> canSee(owner.apply(item))).toList();
    }

    /** True when this viewer is {@code user} itself or an admin. */
    public boolean isSelfOrAdmin(String user) {
        return admin || (user != null && user.equals(username));
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
