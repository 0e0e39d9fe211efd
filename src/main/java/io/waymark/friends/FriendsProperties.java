package io.waymark.friends;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mode {@code all}: every user sees every other user; {@code groups}: users see the
 *        members of the groups they share
 * @param republish with an external broker, also republish over MQTT what MQTT phones could not
 *        otherwise see (HTTP-mode locations, cards uploaded through the API); the embedded broker
 *        always does
 */
@ConfigurationProperties("waymark.friends")
public record FriendsProperties(@DefaultValue("all") Mode mode, @DefaultValue("false") boolean republish) {

    public enum Mode {
        ALL, GROUPS
    }
}
