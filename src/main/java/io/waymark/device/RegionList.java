package io.waymark.device;

import java.util.Arrays;
import java.util.List;

/**
 * Region names as stored in one column: joined with a newline, which region names (typed on
 * a phone, single-line) do not contain.
 */
public final class RegionList {

    private RegionList() {
    }

    public static String format(List<String> regions) {
        return regions == null || regions.isEmpty() ? null : String.join("\n", regions);
    }

    public static List<String> parse(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split("\n"));
    }
}
