package io.waymark.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** H2's insert-if-absent batch: plain INSERT, and the MERGE only when a key exists; never overwrites. */
class InsertIgnoreTest {

    private static final SqlColumns<Item> COLUMNS = new SqlColumns<Item>()
        .bigint("k", Item::k)
        .text("v", Item::v);

    private JdbcTemplate jdbc;

    private InsertIgnore<Item> insert;

    @BeforeEach
    void table() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:insert-ignore-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE item (k BIGINT NOT NULL, v VARCHAR(16), PRIMARY KEY (k))");
        insert = new SqlDialect(dataSource).insertIgnoreBatch("item", COLUMNS, List.of("k"));
    }

    @Test
    void newRowsAreInserted() {
        insert.batch(jdbc, rows(1, "a", 2, "b"));
        assertThat(stored()).containsExactly(Map.entry(1L, "a"), Map.entry(2L, "b"));
    }

    @Test
    void anExistingKeyKeepsItsRowAndTheRestOfTheBatchIsInserted() {
        insert.batch(jdbc, rows(1, "a", 2, "b"));
        insert.batch(jdbc, rows(3, "c", 2, "changed", 4, "d"));
        assertThat(stored()).containsExactly(Map.entry(1L, "a"), Map.entry(2L, "b"), Map.entry(3L, "c"),
                Map.entry(4L, "d"));
    }

    @Test
    void aKeyTwiceInOneBatchIsStoredOnceAsFirstSent() {
        insert.batch(jdbc, rows(5, "first", 5, "second"));
        assertThat(stored()).containsExactly(Map.entry(5L, "first"));
    }

    @Test
    void aNullIsBoundWithItsColumnsType() {
        insert.batch(jdbc, rows(6, null));
        assertThat(stored()).containsExactly(Map.entry(6L, "null"));
    }

    private static List<Item> rows(Object... keysAndValues) {
        List<Item> rows = new java.util.ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            rows.add(new Item(((Number) keysAndValues[i]).longValue(), (String) keysAndValues[i + 1]));
        }
        return rows;
    }

    private record Item(Long k, String v) {
    }

    private Map<Long, String> stored() {
        Map<Long, String> rows = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT k, v FROM item ORDER BY k", rs -> {
            rows.put(rs.getLong(1), String.valueOf(rs.getString(2)));
        });
        return rows;
    }
}
