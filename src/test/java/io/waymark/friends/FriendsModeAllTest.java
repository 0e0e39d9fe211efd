package io.waymark.friends;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Mode {@code all}, the default: everyone sees everyone, whatever the groups say. */
class FriendsModeAllTest {

    @Test
    void everyUserSeesEveryOtherUser() {
        GroupStore noGroups = new GroupStore(null) {
            @Override
            List<String> membersOfGroupsOf(String user) {
                throw new AssertionError("mode all must not consult groups");
            }
        };
        Friends friends = new Friends(new FriendsProperties(FriendsProperties.Mode.ALL, false), noGroups);
        assertThat(friends.canSee("alice", "bob")).isTrue();
        assertThat(friends.visibleTo("alice").everyone()).isTrue();
        assertThat(friends.audienceOf("bob").allows("carol")).isTrue();
    }
}
