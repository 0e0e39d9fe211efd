package io.waymark.presence;

import io.waymark.account.UserDataEraser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Erases a user's presence history; the tracker forgets the presence of the device rows erased with it. */
@Component
class PresenceDataEraser implements UserDataEraser {

    private final JdbcClient jdbc;

    private final PresenceTracker tracker;

    PresenceDataEraser(JdbcClient jdbc, PresenceTracker tracker) {
        this.jdbc = jdbc;
        this.tracker = tracker;
    }

    @Override
    public int eraseDataOf(String user) {
        tracker.rowsErased();
        return jdbc.sql("DELETE FROM presence_event WHERE user_name = :user").param("user", user).update();
    }
}
