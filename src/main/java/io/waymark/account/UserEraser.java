package io.waymark.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes a user, and on request everything every module keeps about it, in one transaction. */
@Component
class UserEraser {

    private static final Logger log = LoggerFactory.getLogger(UserEraser.class);

    private final UserStore users;

    private final List<UserDataEraser> erasers;

    UserEraser(UserStore users, List<UserDataEraser> erasers) {
        this.users = users;
        this.erasers = erasers;
    }

    /** @return whether there was an account of that name */
    @Transactional
    boolean delete(String username, boolean eraseData) {
        int rows = 0;
        if (eraseData) {
            for (UserDataEraser eraser : erasers) {
                rows += eraser.eraseDataOf(username);
            }
        }
        boolean deleted = users.delete(username);
        log.info("User '{}' deleted{}", username, eraseData ? " with all its data (" + rows + " rows)" : "");
        return deleted;
    }
}
