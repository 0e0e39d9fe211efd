package io.waymark.transfer;

/**
 * One message read from an import file, as the OwnTracks JSON the flow expects, or why the
 * line at {@code line} could not become one.
 */
record ImportLine(long line, byte[] payload, String error) {

    static ImportLine message(long line, byte[] payload) {
        return new ImportLine(line, payload, null);
    }

    static ImportLine invalid(long line, String error) {
        return new ImportLine(line, null, error);
    }
}
