/**
 * Users, passwords, API tokens and who is asking. Waymark users are the OwnTracks users of the
 * topics ({@code <prefix>/<user>/<device>}); each has a role ({@link io.waymark.account.Role}).
 * The public face: {@link io.waymark.account.Accounts} checks credentials (for HTTP and the
 * broker alike, rate-limited by {@link io.waymark.account.LoginAttempts}),
 * {@link io.waymark.account.Viewer} is who asks and whose data it may see (decided by {@code friends}), and modules that keep data keyed by
 * user name implement {@link io.waymark.account.UserDataEraser} so that erasing a user erases it
 * all. The HTTP security (Basic, Bearer tokens, the dashboard's login, CSRF, headers, body
 * limits) is configured here as well.
 */
package io.waymark.account;
