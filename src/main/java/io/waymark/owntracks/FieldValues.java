package io.waymark.owntracks;

/**
 * The rules the codec applies to a field's value, whichever way it was read (a tree or the
 * streaming pass of {@link LocationReader}): one home, so both read a field the same way.
 */
final class FieldValues {

    private FieldValues() {
    }

    /** A number sent as text: null when blank, NaN when it is not a finite number. */
    static Double numberText(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(trimmed);
            return Double.isFinite(parsed) ? parsed : Double.NaN;
        }
        catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    /**
     * An optional whole number. One that cannot be read (out of the int range) is dropped, not
     * fatal: the fix is still worth keeping, and the raw JSON keeps the value.
     */
    static Integer integer(Double value) {
        if (value == null) {
            return null;
        }
        long rounded = Math.round(value);
        // a plain (int) cast would wrap a huge value into a plausible-looking wrong one
        return rounded < Integer.MIN_VALUE || rounded > Integer.MAX_VALUE ? null : (int) rounded;
    }

    static double coordinate(String name, Double value, int bound) {
        if (value == null) {
            throw new InvalidMessageException(RejectionReason.MISSING_FIELD, "required field '" + name + "' is missing");
        }
        if (value < -bound || value > bound) {
            throw new InvalidMessageException(RejectionReason.OUT_OF_RANGE,
                    "field '" + name + "' is " + value + ", outside [-" + bound + ", " + bound + "]");
        }
        return value;
    }

    static Long epoch(String name, Double value, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidMessageException(RejectionReason.MISSING_FIELD,
                        "required field '" + name + "' is missing");
            }
            return null;
        }
        if (value < 0) {
            throw new InvalidMessageException(RejectionReason.OUT_OF_RANGE,
                    "field '" + name + "' is negative (" + value.longValue() + ")");
        }
        // a message's own time (tst): the location history's key has room for 2^34 seconds;
        // an optional time (created_at) is only kept, so a sender's milliseconds there cost no fix
        if (required && value >= Location.TST_LIMIT) {
            throw new InvalidMessageException(RejectionReason.OUT_OF_RANGE, "field '" + name + "' is "
                    + value.longValue() + ", after the year 2514: OwnTracks times are epoch seconds");
        }
        return value.longValue();
    }
}
