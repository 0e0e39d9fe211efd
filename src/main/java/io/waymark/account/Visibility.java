package io.waymark.account;

import java.util.Set;

/**
 * The users whose devices a viewer may see: everyone, or a fixed set (always including the
 * viewer).
 */
public record Visibility(boolean everyone, Set<String> users) {

    public static final Visibility EVERYONE = new Visibility(true, Set.of());

    public static Visibility only(Set<String> users) {
        return new Visibility(false, Set.copyOf(users));
    }

    public boolean allows(String user) {
        return everyone || users.contains(user);
    }
}
