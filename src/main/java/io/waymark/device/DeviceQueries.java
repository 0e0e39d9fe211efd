package io.waymark.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.waymark.account.Viewer;
import io.waymark.config.SqlTime;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Transport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads device rows: identity, name, presence and last-known location. */
@Component
public class DeviceQueries {

    /** The device's own row in {@code device_report}, from a subquery on {@code device} (V8). */
    private static final String REPORT = " FROM device_report r WHERE r.user_name = device.user_name"
            + " AND r.device_name = device.device_name";

    private static final String DEVICES = " FROM " + DeviceRegistry.WITH_LAST_KNOWN;

    private static final String COLUMNS = "user_name, device_name, tid, display_name, presence_state,"
            + " presence_reason, presence_since, last_seen, lat, lon, acc, alt, vel, cog, batt, bs, conn, tst,"
            + " received_at, inregions, transport,"
            + " CASE WHEN EXISTS (SELECT 1" + REPORT + " AND r.face IS NOT NULL) THEN 1 ELSE 0 END AS has_face";

    /** The single device also shows what the app last reported about itself. */
    private static final String DETAILS = COLUMNS + ", (SELECT r.status_json" + REPORT + ") AS status_json,"
            + " (SELECT r.configuration_json" + REPORT + ") AS configuration_json";

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
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + DEVICES + " WHERE 1 = 1");
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
        return viewer.visible(jdbc.query(sql.toString(), (rs, i) -> device(rs, false), args.toArray()), DeviceView::user);
    }

    /**
     * The list entries of {@code ids} that still exist, in no particular order: what the device
     * list cache reads again for the devices that changed. One query, keyed by the primary key.
     */
    List<DeviceView> devices(Collection<DeviceId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + DEVICES + " WHERE (user_name, device_name) IN (");
        List<Object> args = new ArrayList<>(ids.size() * 2);
        for (DeviceId id : ids) {
            sql.append(args.isEmpty() ? "(?, ?)" : ", (?, ?)");
            args.add(id.user());
            args.add(id.device());
        }
        return jdbc.query(sql.append(')').toString(), (rs, i) -> device(rs, false), args.toArray());
    }

    /** Every device's id, in the list's order (where the device list cache puts a new device). */
    List<DeviceId> deviceIds() {
        return jdbc.query("SELECT user_name, device_name FROM device ORDER BY user_name, device_name",
                (rs, i) -> new DeviceId(rs.getString(1), rs.getString(2)));
    }

    Optional<DeviceView> device(Viewer viewer, DeviceId id) {
        if (!viewer.canSee(id.user())) {
            return Optional.empty();
        }
        return jdbc.query("SELECT " + DETAILS + DEVICES + " WHERE user_name = ? AND device_name = ?",
                (rs, i) -> device(rs, true), id.user(), id.device()).stream().findFirst();
    }

    /** How the device's last own message came; empty before any (or for an unknown device). */
    public Optional<Transport> transport(DeviceId id) {
        return jdbc.queryForList("SELECT transport FROM device WHERE user_name = ? AND device_name = ?", String.class,
                id.user(), id.device()).stream().filter(t -> t != null).findFirst()
            .map(t -> Transport.valueOf(t.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The card's picture, base64 as the app sent it; empty without one. */
    Optional<String> face(DeviceId id) {
        return jdbc.queryForList("SELECT face FROM device_report WHERE user_name = ? AND device_name = ?", String.class,
                id.user(), id.device()).stream().filter(f -> f != null).findFirst();
    }

    private static DeviceView device(ResultSet rs, boolean details) throws SQLException {
        DeviceId id = new DeviceId(rs.getString("user_name"), rs.getString("device_name"));
        String tid = rs.getString("tid");
        String name = rs.getString("display_name");
        String state = rs.getString("presence_state");
        PresenceView presence = new PresenceView(state != null ? state : "offline",
                SqlTime.instant(rs, "presence_since"), SqlTime.instant(rs, "last_seen"), rs.getString("presence_reason"));
        LocationView location = rs.getObject("tst") == null ? null : LocationView.read(rs);
        String face = rs.getInt("has_face") == 1 ? "/api/v1/devices/" + id.user() + "/" + id.device() + "/face" : null;
        return new DeviceView(id.user(), id.device(), tid != null ? tid : id.defaultTid(),
                name != null ? name : id.device(), presence, location, rs.getString("transport"), face,
                details ? rs.getString("status_json") : null, details ? rs.getString("configuration_json") : null);
    }
}
