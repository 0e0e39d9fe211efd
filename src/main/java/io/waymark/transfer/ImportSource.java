package io.waymark.transfer;

import java.io.IOException;

/** Reads an import file one message at a time, so that its size does not matter. */
interface ImportSource {

    /** The next message or invalid line, or null at the end of the file. */
    ImportLine next() throws IOException;
}
