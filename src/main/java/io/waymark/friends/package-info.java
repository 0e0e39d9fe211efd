/**
 * Who sees whom. In mode {@code all} (the default, as the OwnTracks Recorder) every user sees every
 * other user; in mode {@code groups} users see the members of the groups they share. The
 * {@link io.waymark.friends.Friends} policy is the one place the rest of Waymark asks; groups are
 * managed through {@code /api/v1/groups}.
 */
package io.waymark.friends;
