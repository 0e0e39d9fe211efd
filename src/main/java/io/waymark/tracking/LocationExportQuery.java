package io.waymark.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.waymark.device.LocationView;
import io.waymark.owntracks.DeviceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a device's history row by row from a database cursor, for exports of any size.
 * PostgreSQL only streams with a fetch size inside a transaction (autocommit off); otherwise
 * its driver reads the whole result into memory first. H2 pages large results to disk itself.
 */
@Component
class LocationExportQuery {

    private static final int FETCH_SIZE = 1000;

    private static final String COLUMNS = "lat, lon, acc, alt, vel, cog, batt, bs, conn, tst, received_at, inregions";

    private static final String WINDOW = " FROM location WHERE " + LocationKey.ofDevice("id");

    private final JdbcTemplate jdbc;

    private final TransactionTemplate readOnly;

    LocationExportQuery(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Hands each location with {@code from <= tst <= to} to {@code writer}, oldest first; with a
     * limit, only the newest {@code limit} of them (still oldest first), as the JSON answer does.
     */
    void export(DeviceId id, long from, long to, Integer limit, LocationExportWriter writer) {
        String sql = limit == null ? "SELECT " + COLUMNS + WINDOW + " ORDER BY id"
                : "SELECT " + COLUMNS + " FROM (SELECT " + COLUMNS + WINDOW + " ORDER BY id DESC LIMIT ?) newest"
                        + " ORDER BY tst";
        Object[] args = limit == null ? LocationKey.range(id, from, to) : LocationKey.range(id, from, to, limit);
        readOnly.executeWithoutResult(tx -> jdbc.query(sql, rs -> {
            try {
                writer.write(LocationView.read(rs));
            }
            catch (IOException ex) {
                // the client went away: stop reading the cursor
                throw new UncheckedIOException(ex);
            }
        }, args));
    }

}
