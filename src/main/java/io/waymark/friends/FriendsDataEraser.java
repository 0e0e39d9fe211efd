package io.waymark.friends;

import io.waymark.account.UserDataEraser;
import org.springframework.stereotype.Component;

/** Takes an erased user out of every group. */
@Component
class FriendsDataEraser implements UserDataEraser {

    private final GroupStore groups;

    FriendsDataEraser(GroupStore groups) {
        this.groups = groups;
    }

    @Override
    public int eraseDataOf(String user) {
        return groups.forget(user);
    }
}
