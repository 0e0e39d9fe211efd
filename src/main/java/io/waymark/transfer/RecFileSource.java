package io.waymark.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * An OwnTracks Recorder {@code .rec} file: a line per message with three tab-separated fields,
 * the ISO time it was received, a marker ({@code *} padded with spaces, or e.g. {@code lwt}),
 * and the JSON payload as it was published. The marker is not needed: the payload's
 * {@code _type} says what it is.
 */
final class RecFileSource implements ImportSource {

    private final BufferedReader reader;

    private long line;

    RecFileSource(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @Override
    public ImportLine next() throws IOException {
        String text;
        do {
            text = reader.readLine();
            line++;
            if (text == null) {
                return null;
            }
        }
        while (text.isBlank());
        String[] fields = text.split("\t", 3);
        if (fields.length < 3 || fields[2].isBlank()) {
            return ImportLine.invalid(line, "expected three tab-separated fields (time, marker, JSON), found "
                    + fields.length);
        }
        return ImportLine.message(line, fields[2].strip().getBytes(StandardCharsets.UTF_8));
    }
}
