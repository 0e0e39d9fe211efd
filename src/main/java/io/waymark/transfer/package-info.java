/**
 * Imports of location history: OwnTracks Recorder {@code .rec} files, GPX and GeoJSON, through
 * {@code POST /api/v1/import} and the command line ({@code java -jar waymark.jar import ...}).
 * Every imported message goes through the same ingestion flow as MQTT (as a retained message,
 * so that history is not taken as a sign of life), and the writer's idempotent store makes a
 * re-import count as duplicates.
 */
package io.waymark.transfer;
