package io.waymark.transfer;

import java.util.ArrayList;
import java.util.List;

import io.waymark.transfer.ImportResult.ImportError;

/** Counts an import as it goes, over one file or many, and keeps the first few errors. */
final class ImportTally {

    static final int MAX_ERRORS = 10;

    private final List<ImportError> errors = new ArrayList<>();

    private String file;

    private long imported;

    private long duplicates;

    private long rejected;

    private long skipped;

    /** Names the file that later errors belong to (null: a single upload, no name needed). */
    void file(String name) {
        this.file = name;
    }

    void imported() {
        imported++;
    }

    void duplicate() {
        duplicates++;
    }

    void skipped() {
        skipped++;
    }

    void rejected(long line, String message) {
        rejected++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ImportError(file, line, message));
        }
    }

    long processed() {
        return imported + duplicates + rejected + skipped;
    }

    ImportResult result() {
        return new ImportResult(imported, duplicates, rejected, skipped, List.copyOf(errors));
    }
}
