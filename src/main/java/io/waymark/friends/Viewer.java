package io.waymark.friends;

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
}
