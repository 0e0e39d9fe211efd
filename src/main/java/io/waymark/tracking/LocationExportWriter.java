package io.waymark.tracking;

import java.io.IOException;
import java.math.BigDecimal;

import io.waymark.device.LocationView;

/**
 * Writes one export document a location at a time, so that nothing but the current row is
 * held in memory: {@link #begin()}, {@link #write} per location (oldest first), {@link #end()}.
 */
interface LocationExportWriter {

    void begin() throws IOException;

    void write(LocationView location) throws IOException;

    void end() throws IOException;

    /** A coordinate without exponent ({@code 1.0E-4} is no xsd:decimal), as short as it is exact. */
    static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
