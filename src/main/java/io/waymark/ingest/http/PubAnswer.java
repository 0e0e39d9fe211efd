package io.waymark.ingest.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.waymark.command.QueuedCommands;
import io.waymark.friends.FriendsFeed;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.EncryptedPayload;
import org.springframework.stereotype.Component;

/**
 * The body of a {@code /pub} answer: a JSON array, {@code []} when there is nothing, of the
 * friends' locations and cards and the commands queued for the device (which are then sent).
 * For a device with a key each element is encrypted with it: the apps decrypt element by element.
 */
@Component
class PubAnswer {

    private final FriendsFeed friends;

    private final QueuedCommands commands;

    private final EncryptedPayload encryption;

    PubAnswer(FriendsFeed friends, QueuedCommands commands, EncryptedPayload encryption) {
        this.friends = friends;
        this.commands = commands;
        this.encryption = encryption;
    }

    String forDevice(DeviceId device) {
        List<String> elements = new ArrayList<>(friends.seenBy(device));
        elements.addAll(commands.take(device));
        List<String> sealed = elements.stream()
            .map(e -> new String(encryption.sealFor(device, e.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
            .toList();
        return "[" + String.join(",", sealed) + "]";
    }
}
