/**
 * The browser dashboard: static page at {@code /} (Leaflet map, device list, history, charts)
 * and the live stream it listens to, {@code GET /api/v1/stream} (Server-Sent Events), built
 * from the {@code tracking} and {@code presence} application events. Reads only; it never
 * slows ingestion: see {@link io.waymark.dashboard.DashboardStream}.
 */
package io.waymark.dashboard;
