package io.waymark.device;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A JSON array of already-written elements, written out element by element: under ingestion the
 * device list changes between two requests, so joining its ~700 KB into one array per request
 * only fed the young generation (a third of what it collected while the list was being polled).
 *
 * @param elements each element's JSON, never changed
 */
record JsonArrayBytes(List<byte[]> elements) {

    private static final byte[] OPEN = { '[' };

    private static final byte[] COMMA = { ',' };

    private static final byte[] CLOSE = { ']' };

    /** The bytes {@link #writeTo} writes. */
    long length() {
        long length = 2 + Math.max(0, elements.size() - 1);
        for (byte[] element : elements) {
            length += element.length;
        }
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(OPEN);
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.write(COMMA);
            }
            out.write(elements.get(i));
        }
        out.write(CLOSE);
    }

    byte[] toByteArray() {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) length());
        try {
            writeTo(out);
        }
        catch (IOException ex) {
            throw new IllegalStateException("a ByteArrayOutputStream does not fail", ex);
        }
        return out.toByteArray();
    }
}
