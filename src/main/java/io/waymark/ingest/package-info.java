/**
 * Ingestion: the flow every source feeds ({@link io.waymark.ingest.IngestFlowConfiguration}:
 * inbound channel → decode → batch writer), the writer that hands each module its messages in
 * one transaction and acknowledges them to the broker only once they are committed, and the
 * counters. Sources live in sub-packages ({@code mqtt}); rejected messages in {@code rejected}.
 */
package io.waymark.ingest;
