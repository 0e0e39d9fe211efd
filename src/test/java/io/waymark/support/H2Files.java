package io.waymark.support;

import java.nio.file.Path;

/** Waymark's database as an H2 file in a test's own directory, as a user's default set-up keeps it. */
public final class H2Files {

    private H2Files() {
    }

    /**
     * The JDBC URL of {@code dir/waymark}, with the default URL's durability options: written at
     * every commit, so a killed JVM leaves each acknowledged row in the file, and closed by
     * Waymark rather than by H2's shutdown hook.
     */
    public static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("waymark") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }
}
