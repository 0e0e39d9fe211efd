package io.waymark.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.waymark.account.Viewer;
import io.waymark.config.SqlTime;
import io.waymark.owntracks.DeviceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads device rows: identity, name, presence and last-known location. */
@Component
public class DeviceQueries {

    private static final String COLUMNS = "user_name, device_name, tid, display_name, presence_state,"
            + " presence_reason, presence_since, last_seen, lat, lon, acc, alt, vel, cog, batt, bs, conn, tst,"
            + " received_at, inregions";

    private final JdbcTemplate jdbc;

    DeviceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The device, which must be known and visible to {@code viewer}: otherwise
     * {@link UnknownDeviceException}, the same 404 for both, so that nobody learns which devices
     * of strangers exist. Every endpoint below {@code /api/v1/devices/{user}/{device}} asks here.
     */
    public DeviceId known(Viewer viewer, String user, String device) {
        DeviceId id = new DeviceId(user, device);
        if (!viewer.canSee(user)) {
            throw new UnknownDeviceException(id);
        }
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM device WHERE user_name = ? AND device_name = ?",
                Integer.class, user, device);
        if (found == null || found == 0) {
            throw new UnknownDeviceException(id);
        }
        return id;
    }

    /** The devices {@code viewer} may see, optionally of one user and/or in one presence state, by user and device. */
    List<DeviceView> devices(Viewer viewer, String user, String presenceState) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM device WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (user != null) {
            sql.append(" AND user_name = ?");
            args.add(user);
        }
        if (presenceState != null) {
            // a device never heard from in a way that proves presence counts as offline
            sql.append("online".equals(presenceState) ? " AND presence_state = ?"
                    : " AND (presence_state = ? OR presence_state IS NULL)");
            args.add(presenceState);
        }
        sql.append(" ORDER BY user_name, device_name");
        return viewer.visible(jdbc.query(sql.toString(), (rs, i) -> device(rs), args.toArray()), DeviceView::user);
    }

    Optional<DeviceView> device(Viewer viewer, DeviceId id) {
        if (!viewer.canSee(id.user())) {
            return Optional.empty();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM device WHERE user_name = ? AND device_name = ?",
                (rs, i) -> device(rs), id.user(), id.device()).stream().findFirst();
    }

    private static DeviceView device(ResultSet rs) throws SQLException {
        DeviceId id = new DeviceId(rs.getString("user_name"), rs.getString("device_name"));
        String tid = rs.getString("tid");
        String name = rs.getString("display_name");
        String state = rs.getString("presence_state");
        PresenceView presence = new PresenceView(state != null ? state : "offline",
                SqlTime.instant(rs, "presence_since"), SqlTime.instant(rs, "last_seen"), rs.getString("presence_reason"));
        LocationView location = rs.getObject("tst") == null ? null : LocationView.read(rs);
        return new DeviceView(id.user(), id.device(), tid != null ? tid : id.defaultTid(),
                name != null ? name : id.device(), presence, location);
    }
}
