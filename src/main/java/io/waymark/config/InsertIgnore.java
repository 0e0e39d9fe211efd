package io.waymark.config;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A batch of rows inserted unless their key exists, the cheapest way each database allows.
 * PostgreSQL: one {@code INSERT ... ON CONFLICT DO NOTHING} batch (the driver sends it as
 * multi-row inserts: {@code reWriteBatchedInserts} in the postgres profile). H2: a plain
 * {@code INSERT} batch, and only when it hits an existing key (a QoS 1 redelivery, a replayed
 * batch) the whole batch again as {@code MERGE ... WHEN NOT MATCHED}, which skips the rows that
 * are there, the first attempt's included. H2 undoes just the failed statement, not the
 * transaction, so the fallback runs in the same one. The per-row {@code MERGE} builds a
 * one-row table and a result per row: a quarter of the writer's CPU when it ran for every row.
 */
public final class InsertIgnore {

    private final String insert;

    private final String fallback;

    InsertIgnore(String insert, String fallback) {
        this.insert = insert;
        this.fallback = fallback;
    }

    public void batch(NamedParameterJdbcTemplate jdbc, SqlParameterSource[] rows) {
        if (rows.length == 0) {
            return;
        }
        if (fallback == null) {
            jdbc.batchUpdate(insert, rows);
            return;
        }
        try {
            jdbc.batchUpdate(insert, rows);
        }
        catch (DuplicateKeyException ex) {
            jdbc.batchUpdate(fallback, rows);
        }
    }
}
