package io.waymark.ingest;

import java.util.List;

/**
 * Stores one batch in one transaction, or throws and stores nothing. The seam between the
 * writer's queue, retries and acks and what storing means.
 */
@FunctionalInterface
interface BatchStore {

    void store(List<IngestItem> batch);
}
