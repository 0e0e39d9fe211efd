/**
 * Ingestion: the MQTT inbound flow, decoding, the batch writer that stores messages and
 * acknowledges them to the broker only once they are committed, and rejected messages.
 */
package io.waymark.ingest;
