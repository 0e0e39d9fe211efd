package io.waymark.presence;

import io.waymark.account.UserDataEraser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Erases a user's presence history. */
@Component
class PresenceDataEraser implements UserDataEraser {

    private final JdbcClient jdbc;

    PresenceDataEraser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int eraseDataOf(String user) {
        return jdbc.sql("DELETE FROM presence_event WHERE user_name = :user").param("user", user).update();
    }
}
