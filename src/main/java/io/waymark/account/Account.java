package io.waymark.account;

/** A Waymark user as authentication sees it: who, and with which role. */
public record Account(String username, Role role) {

    public boolean admin() {
        return role == Role.ADMIN;
    }
}
