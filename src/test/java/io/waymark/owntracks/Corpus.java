package io.waymark.owntracks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Captured OwnTracks payloads under {@code src/test/resources/owntracks/corpus/}. */
final class Corpus {

    private Corpus() {
    }

    static byte[] payload(String file) {
        String resource = "/owntracks/corpus/" + file;
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + resource);
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
