package io.waymark.recorder;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** A field of a location object as text, for CSV cells and XML elements. */
final class PointValues {

    private PointValues() {
    }

    /**
     * Numbers in plain decimal (never {@code 1.0E-4}: GPX and XML schemas want decimals), arrays
     * of plain values joined by commas ({@code inregions}), objects as JSON, null as empty.
     */
    static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? value.bigIntegerValue().toString()
                    : value.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isValueNode() ? text(item) : item.toString()));
            return String.join(",", items);
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }
}
