/**
 * The OwnTracks protocol: topics, typed message records and the JSON codec.
 * Pure Java, no Spring: everything here is unit-tested on its own.
 */
package io.waymark.owntracks;
