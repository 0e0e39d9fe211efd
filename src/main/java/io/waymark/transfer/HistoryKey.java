package io.waymark.transfer;

import io.waymark.owntracks.Location;
import io.waymark.owntracks.OwnTracksMessage;
import io.waymark.owntracks.Transition;

/**
 * What makes an imported message a duplicate: the key the store keeps it under (a device's
 * location per second; a transition per second, event and region).
 */
sealed interface HistoryKey {

    long tst();

    record LocationKey(long tst) implements HistoryKey {
    }

    record TransitionKey(long tst, String event, String region) implements HistoryKey {
    }

    /** The key of a history message; null for messages that are not history (lwt, card, ...). */
    static HistoryKey of(OwnTracksMessage message) {
        if (message instanceof Location l) {
            return new LocationKey(l.tst());
        }
        if (message instanceof Transition t) {
            // as the store names a transition's region: by id, else by description
            return new TransitionKey(t.tst(), t.event(), t.rid() != null ? t.rid() : t.desc() != null ? t.desc() : "");
        }
        return null;
    }
}
