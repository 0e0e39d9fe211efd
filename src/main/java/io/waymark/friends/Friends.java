package io.waymark.friends;

import java.util.HashSet;
import java.util.Set;

import io.waymark.account.Visibility;
import org.springframework.stereotype.Component;

/** The friends policy: which users' devices a user may see. */
@Component
public class Friends {

    private final FriendsProperties properties;

    private final GroupStore groups;

    Friends(FriendsProperties properties, GroupStore groups) {
        this.properties = properties;
        this.groups = groups;
    }

    /** What {@code viewer} may see: its own devices and its friends'. */
    public Visibility visibleTo(String viewer) {
        if (properties.mode() == FriendsProperties.Mode.ALL) {
            return Visibility.EVERYONE;
        }
        Set<String> users = new HashSet<>(groups.membersOfGroupsOf(viewer));
        users.add(viewer);
        return Visibility.only(users);
    }

    public boolean canSee(String viewer, String owner) {
        return viewer.equals(owner) || visibleTo(viewer).allows(owner);
    }

    /** Who sees {@code owner}'s devices (besides admins), for pushing its data to them. */
    public Visibility audienceOf(String owner) {
        // friendship is symmetric in both modes: sharing a group works both ways
        return visibleTo(owner);
    }

    public FriendsProperties.Mode mode() {
        return properties.mode();
    }
}
