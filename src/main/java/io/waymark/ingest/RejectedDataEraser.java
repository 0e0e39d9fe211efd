package io.waymark.ingest;

import java.util.List;

import io.waymark.account.UserDataEraser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases the rejected messages published to a user's topics: those whose second level is the
 * user name, whatever the prefix ({@code <prefix>/<user>/...}, a leading {@code /} tolerated).
 */
@Component
class RejectedDataEraser implements UserDataEraser {

    private final JdbcClient jdbc;

    RejectedDataEraser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int eraseDataOf(String user) {
        // LIKE narrows the candidates; the exact level check is done here, the same on H2 and PostgreSQL
        String pattern = "%/" + user.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Long> ids = jdbc.sql("SELECT id, topic FROM rejected_message WHERE topic LIKE :pattern ESCAPE '\\'")
            .param("pattern", pattern)
            .query((rs, i) -> userLevelIs(rs.getString(2), user) ? rs.getLong(1) : null)
            .list()
            .stream()
            .filter(id -> id != null)
            .toList();
        int rows = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            rows += jdbc.sql("DELETE FROM rejected_message WHERE id IN (:ids)")
                .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                .update();
        }
        return rows;
    }

    static boolean userLevelIs(String topic, String user) {
        String path = topic.startsWith("/") ? topic.substring(1) : topic;
        String[] levels = path.split("/", 3);
        return levels.length >= 2 && levels[1].equals(user);
    }
}
