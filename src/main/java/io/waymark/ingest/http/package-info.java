/**
 * OwnTracks HTTP mode: {@code POST /pub}, one message per request, through the same flow as MQTT;
 * the answer (friends' locations and cards, queued commands) is sent once the message is committed.
 */
package io.waymark.ingest.http;
