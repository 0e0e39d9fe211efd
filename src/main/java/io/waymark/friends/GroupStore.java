package io.waymark.friends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Groups and their members in {@code friend_group} / {@code friend_group_member}. */
@Component
class GroupStore {

    private final JdbcClient jdbc;

    GroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Group> all() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        jdbc.sql("SELECT name FROM friend_group ORDER BY name")
            .query(String.class)
            .list()
            .forEach(name -> groups.put(name, new ArrayList<>()));
        jdbc.sql("SELECT group_name, user_name FROM friend_group_member ORDER BY group_name, user_name")
            .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
            .list()
            .forEach(m -> groups.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(m.getValue()));
        return groups.entrySet().stream().map(e -> new Group(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    Optional<Group> find(String name) {
        return all().stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** @return false when a group of that name exists already */
    @Transactional
    boolean create(Group group) {
        try {
            jdbc.sql("INSERT INTO friend_group (name) VALUES (:name)").param("name", group.name()).update();
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
        group.members().stream().distinct().forEach(member -> addMember(group.name(), member));
        return true;
    }

    boolean delete(String name) {
        jdbc.sql("DELETE FROM friend_group_member WHERE group_name = :name").param("name", name).update();
        return jdbc.sql("DELETE FROM friend_group WHERE name = :name").param("name", name).update() > 0;
    }

    void addMember(String group, String user) {
        try {
            jdbc.sql("INSERT INTO friend_group_member (group_name, user_name) VALUES (:group, :user)")
                .param("group", group)
                .param("user", user)
                .update();
        }
        catch (DuplicateKeyException ex) {
            // already a member: adding is idempotent
        }
    }

    boolean removeMember(String group, String user) {
        return jdbc.sql("DELETE FROM friend_group_member WHERE group_name = :group AND user_name = :user")
            .param("group", group)
            .param("user", user)
            .update() > 0;
    }

    /** Everyone who shares at least one group with {@code user}. */
    List<String> membersOfGroupsOf(String user) {
        return jdbc.sql("SELECT DISTINCT o.user_name FROM friend_group_member m"
                + " JOIN friend_group_member o ON o.group_name = m.group_name WHERE m.user_name = :user")
            .param("user", user)
            .query(String.class)
            .list();
    }

    /** Removes a user from every group (the user is deleted). */
    int forget(String user) {
        return jdbc.sql("DELETE FROM friend_group_member WHERE user_name = :user").param("user", user).update();
    }
}
