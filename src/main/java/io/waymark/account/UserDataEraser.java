package io.waymark.account;

/**
 * Implemented by each module that keeps rows keyed by a user name: erasing a user
 * ({@code DELETE /api/v1/users/{username}?erase=true}) calls every implementation, in one
 * transaction, so a new table only needs its own eraser to be covered.
 */
public interface UserDataEraser {

    /** Deletes everything this module stores about {@code user}; returns how many rows went. */
    int eraseDataOf(String user);
}
