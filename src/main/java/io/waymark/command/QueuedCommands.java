package io.waymark.command;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.waymark.owntracks.DeviceId;
import org.springframework.stereotype.Component;

/** The commands waiting for an HTTP device, handed to its {@code /pub} answer once. */
@Component
public class QueuedCommands {

    private final CommandStore store;

    private final Clock clock;

    QueuedCommands(CommandStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The queued {@code cmd} messages (plain JSON), oldest first, each marked sent as it is taken:
     * two answers at once never both carry the same command.
     */
    public List<String> take(DeviceId device) {
        List<String> taken = new ArrayList<>();
        for (CommandStore.Queued q : store.queued(device)) {
            if (store.markSent(q.id(), clock.instant())) {
                taken.add(q.payload());
            }
        }
        return taken;
    }
}
