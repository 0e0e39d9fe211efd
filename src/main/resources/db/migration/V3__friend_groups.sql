-- Groups of users who see each other's devices (waymark.friends.mode=groups).
CREATE TABLE friend_group (
    name            VARCHAR(64)   NOT NULL PRIMARY KEY
);

CREATE TABLE friend_group_member (
    group_name      VARCHAR(64)   NOT NULL REFERENCES friend_group (name),
    user_name       VARCHAR(128)  NOT NULL,
    PRIMARY KEY (group_name, user_name)
);
CREATE INDEX ix_friend_group_member_user ON friend_group_member (user_name);
