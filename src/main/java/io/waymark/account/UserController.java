package io.waymark.account;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/v1/users}: admins manage users; everyone may change their own password. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    /** A user name is a topic level: no {@code /}, {@code +}, {@code #}. */
    static final String NAME = "[A-Za-z0-9._-]{1,64}";

    private static final Logger log = LoggerFactory.getLogger(UserController.class);

    private final UserStore users;

    private final PasswordEncoder encoder;

    private final UserEraser eraser;

    private final CurrentAccount caller;

    UserController(UserStore users, PasswordEncoder encoder, UserEraser eraser, CurrentAccount caller) {
        this.users = users;
        this.encoder = encoder;
        this.eraser = eraser;
        this.caller = caller;
    }

    @GetMapping
    List<UserView> users() {
        return users.all().stream().map(UserView::of).toList();
    }

    @PostMapping
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser request) {
        Role role = request.role() == null ? Role.USER : request.role();
        if (!users.create(request.username(), encoder.encode(request.password()), role)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "user '" + request.username() + "' exists already");
        }
        log.info("User '{}' created ({})", request.username(), role);
        return ResponseEntity.created(URI.create("/api/v1/users/" + request.username()))
            .body(UserView.of(users.find(request.username()).orElseThrow()));
    }

    @PutMapping("/{username}/password")
    ResponseEntity<Void> changePassword(@PathVariable String username, @Valid @RequestBody NewPassword request) {
        if (!caller.isSelfOrAdmin(username)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only an admin may change another user's password");
        }
        if (!users.updatePassword(username, encoder.encode(request.password()))) {
            throw notFound(username);
        }
        log.info("Password of '{}' changed by '{}'", username, caller.get().map(Account::username).orElse("anyone"));
        return ResponseEntity.noContent().build();
    }

    /** With {@code erase=true} also every row of the user's data; then even without an account of that name. */
    @DeleteMapping("/{username}")
    ResponseEntity<Void> delete(@PathVariable String username, @RequestParam(defaultValue = "false") boolean erase) {
        users.find(username).ifPresent(user -> {
            if (user.role() == Role.ADMIN && users.admins() == 1) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "'" + username + "' is the last admin");
            }
        });
        boolean deleted = eraser.delete(username, erase);
        if (!deleted && !erase) {
            throw notFound(username);
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseStatusException notFound(String username) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no user '" + username + "'");
    }

    record NewUser(@NotBlank @Pattern(regexp = NAME, message = "letters, digits, '.', '_' or '-', at most 64") String username,
            @NotNull @Size(min = 8, max = 72, message = "8 to 72 characters") String password, Role role) {
    }

    record NewPassword(@NotNull @Size(min = 8, max = 72, message = "8 to 72 characters") String password) {
    }

    record UserView(String username, Role role, Instant createdAt) {

        static UserView of(UserStore.StoredUser user) {
            return new UserView(user.username(), user.role(), user.createdAt());
        }
    }
}
