package io.waymark.account;

/** What a user may do: {@code ADMIN} manages users and groups and sees everyone; {@code USER} sees its friends. */
public enum Role {
    ADMIN, USER;

    String authority() {
        return "ROLE_" + name();
    }
}
