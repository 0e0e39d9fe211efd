package io.waymark.recorder;

import io.waymark.config.EventAudience;
import io.waymark.tracking.LocationStored;
import io.waymark.tracking.ReceivedLocation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The recorder module's one dependency on tracking's events: a location committed as a
 * device's new last-known one goes to the websocket. A late fix older than the last-known one
 * moves no pin, so it is not pushed.
 */
@Component
class LocationStoredAdapter implements EventAudience {

    private final LastLocationSocket socket;

    LocationStoredAdapter(LastLocationSocket socket) {
        this.socket = socket;
    }

    @Override
    public boolean wants(Object event) {
        return event instanceof LocationStored stored && stored.lastKnown() && socket.openSockets() > 0;
    }

    @EventListener
    void onStored(LocationStored event) {
        if (!event.lastKnown()) {
            return;
        }
        ReceivedLocation stored = event.location();
        socket.push(new RecorderLocation(stored.deviceId().user(), stored.deviceId().device(), stored.topic(),
                stored.location().lat(), stored.location().lon(), stored.location().tst(), stored.receivedAt(),
                stored.rawJson()));
    }
}
