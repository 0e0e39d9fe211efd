package io.waymark.config;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * A batch of rows inserted unless their key exists, the cheapest way each database allows.
 * PostgreSQL: one {@code INSERT ... ON CONFLICT DO NOTHING} batch (the driver sends it as
 * multi-row inserts: {@code reWriteBatchedInserts} in the postgres profile). H2: a plain
 * {@code INSERT} batch, and only when it hits an existing key (a QoS 1 redelivery, a replayed
 * batch) the whole batch again as {@code MERGE ... WHEN NOT MATCHED}, which skips the rows that
 * are there, the first attempt's included. H2 undoes just the failed statement, not the
 * transaction, so the fallback runs in the same one. The per-row {@code MERGE} builds a
 * one-row table and a result per row: a quarter of the writer's CPU when it ran for every row.
 * Rows are bound positionally from their {@link SqlColumns} table.
 *
 * @param <T> the row object
 */
public final class InsertIgnore<T> {

    private final SqlColumns.Statement<T> insert;

    private final SqlColumns.Statement<T> fallback;

    InsertIgnore(SqlColumns.Statement<T> insert, SqlColumns.Statement<T> fallback) {
        this.insert = insert;
        this.fallback = fallback;
    }

    public void batch(JdbcOperations jdbc, List<? extends T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (fallback == null) {
            insert.batch(jdbc, rows);
            return;
        }
        try {
            insert.batch(jdbc, rows);
        }
        catch (DuplicateKeyException ex) {
            fallback.batch(jdbc, rows);
        }
    }
}
