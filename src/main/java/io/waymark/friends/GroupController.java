package io.waymark.friends;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/v1/groups}: the groups of mode {@code groups} (who sees whom). */
@RestController
@RequestMapping("/api/v1/groups")
@Validated
class GroupController {

    private static final String NAME = "[A-Za-z0-9._-]{1,64}";

    private final GroupStore groups;

    GroupController(GroupStore groups) {
        this.groups = groups;
    }

    @GetMapping
    List<Group> groups() {
        return groups.all();
    }

    @GetMapping("/{name}")
    Group group(@PathVariable String name) {
        return groups.find(name).orElseThrow(() -> notFound(name));
    }

    @PostMapping
    ResponseEntity<Group> create(@Valid @RequestBody NewGroup request) {
        Group group = new Group(request.name(), request.members() == null ? List.of() : request.members());
        if (!groups.create(group)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "group '" + request.name() + "' exists already");
        }
        return ResponseEntity.created(URI.create("/api/v1/groups/" + group.name())).body(groups.find(group.name()).orElseThrow());
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        if (!groups.delete(name)) {
            throw notFound(name);
        }
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{name}/members/{user}")
    Group addMember(@PathVariable String name, @PathVariable @Pattern(regexp = NAME) String user) {
        group(name);
        groups.addMember(name, user);
        return group(name);
    }

    @DeleteMapping("/{name}/members/{user}")
    ResponseEntity<Void> removeMember(@PathVariable String name, @PathVariable String user) {
        group(name);
        if (!groups.removeMember(name, user)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "'" + user + "' is not a member of '" + name + "'");
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseStatusException notFound(String name) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no group '" + name + "'");
    }

    record NewGroup(@NotBlank @Pattern(regexp = NAME, message = "letters, digits, '.', '_' or '-', at most 64") String name,
            @Size(max = 1000) List<@Pattern(regexp = NAME, message = "not a user name") String> members) {
    }
}
