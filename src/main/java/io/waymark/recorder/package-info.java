/**
 * The OwnTracks Recorder's HTTP API ({@code /api/0/...}) and its websocket ({@code /ws/last}),
 * so that tools written for the Recorder (the OwnTracks Frontend, scripts, Home Assistant) work
 * against Waymark unchanged. Answers have the Recorder's shapes; the location objects are the
 * stored JSON of each fix, so fields Waymark does not know survive.
 */
package io.waymark.recorder;
