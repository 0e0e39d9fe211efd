/**
 * Rejected messages: kept with their reason in {@code rejected_message} (plain JDBC), logged
 * sparingly, and listed by {@code GET /api/v1/rejected}.
 */
package io.waymark.ingest.rejected;
