package io.waymark.friends;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.waymark.account.Visibility;
import io.waymark.owntracks.DeviceId;
import io.waymark.tracking.LocationKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a phone in HTTP mode learns about its friends in each {@code /pub} answer: the last
 * location and the card of every other device its user may see ({@link Friends}). Reads the
 * device rows and the last-known location's stored JSON.
 */
@Component
public class FriendsFeed {

    private final JdbcTemplate jdbc;

    private final Friends friends;

    private final JsonMapper json;

    private final Clock clock;

    FriendsFeed(JdbcTemplate jdbc, Friends friends, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.friends = friends;
        this.json = json;
        this.clock = clock;
    }

    /** Plain JSON messages, location before card for each friend's device, by user and device. */
    public List<String> seenBy(DeviceId viewer) {
        Visibility visible = friends.visibleTo(viewer.user());
        List<String> messages = new ArrayList<>();
        jdbc.query("SELECT d.user_name, d.device_name, k.tid, d.display_name, r.face, k.tst, l.raw_json FROM device d"
                + " LEFT JOIN device_last_known k ON k.device_id = d.id"
                + " LEFT JOIN device_report r ON r.user_name = d.user_name AND r.device_name = d.device_name"
                + " LEFT JOIN location l ON l.id = " + LocationKey.ofLastKnown("k")
                + " ORDER BY d.user_name, d.device_name", rs -> {
                    DeviceId device = new DeviceId(rs.getString(1), rs.getString(2));
                    if (device.equals(viewer) || !visible.allows(device.user())) {
                        return;
                    }
                    String tid = rs.getString(3);
                    String name = rs.getString(4);
                    String face = rs.getString(5);
                    long tst = rs.getLong(6);
                    boolean located = !rs.wasNull();
                    String raw = rs.getString(7);
                    if (located && raw != null) {
                        String location = FriendMessages.location(json, device, tid, tst, raw);
                        if (location != null) {
                            messages.add(location);
                        }
                    }
                    if (name != null || face != null) {
                        messages.add(FriendMessages.card(json, device, tid, name, face,
                                located ? tst : clock.instant().getEpochSecond()));
                    }
                });
        return messages;
    }
}
