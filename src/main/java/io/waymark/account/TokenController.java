package io.waymark.account;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/tokens}: the caller's API tokens for scripts ({@code Authorization: Bearer}).
 * The token itself is in the answer to its creation only; an admin may also revoke others'.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final TokenStore tokens;

    private final CurrentAccount caller;

    TokenController(TokenStore tokens, CurrentAccount caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @PostMapping
    ResponseEntity<TokenStore.NewToken> create(@Valid @RequestBody NewToken request) {
        TokenStore.NewToken token = tokens.create(user(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id())).body(token);
    }

    @GetMapping
    List<TokenStore.TokenInfo> tokens() {
        return tokens.of(user());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        // someone else's token answers like an unknown one: ids do not leak
        if (!tokens.owner(id).filter(caller::isSelfOrAdmin).isPresent() || !tokens.delete(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no token '" + id + "'");
        }
        return ResponseEntity.noContent().build();
    }

    private String user() {
        return caller.get().map(Account::username).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                "tokens belong to users: security is switched off"));
    }

    record NewToken(@NotBlank @Size(max = 128) String name) {
    }
}
