package io.waymark.command;

import java.time.Instant;

/** A command as the API shows it: {@code state} is {@code queued} until it went out, then {@code sent}. */
record CommandView(long id, String action, String state, Instant createdAt, Instant sentAt) {
}
