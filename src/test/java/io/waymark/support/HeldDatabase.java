package io.waymark.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's database, made to stop answering for a while: during a {@link #hold()} H2's
 * exclusive mode on a connection of the application's own pool pauses every statement of the
 * other connections (the batch writer's among them) without failing it, and refuses new
 * connections. Make the REST calls a test needs before, not during, a hold.
 */
public final class HeldDatabase {

    private final DataSource dataSource;

    private final AtomicBoolean held = new AtomicBoolean();

    public HeldDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Holds the database until the returned hold is closed. */
    public Hold hold() {
        try {
            Connection connection = dataSource.getConnection();
            execute(connection, "SET EXCLUSIVE 1");
            held.set(true);
            return new Hold(connection);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not hold the database", ex);
        }
    }

    /**
     * Whether the location of {@code user}'s {@code device} with a given {@code tst} is stored:
     * never during a hold, when nothing can be committed (and asking would wait for the release).
     */
    public LongPredicate locationStored(String user, String device) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return tst -> !held.get() && jdbc.queryForObject(
                "SELECT COUNT(*) FROM location WHERE user_name = ? AND device_name = ? AND tst = ?", Integer.class, user,
                device, tst) == 1;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public final class Hold implements AutoCloseable {

        private final Connection connection;

        private Hold(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            held.set(false);
            try (connection) {
                execute(connection, "SET EXCLUSIVE 0");
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Could not release the database", ex);
            }
        }
    }
}
