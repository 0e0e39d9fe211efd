package io.waymark.friends;

import java.util.List;

/** A group of users who see each other's devices (mode {@code groups}). */
public record Group(String name, List<String> members) {
}
