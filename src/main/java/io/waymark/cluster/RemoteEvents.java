package io.waymark.cluster;

import org.springframework.stereotype.Component;

/**
 * Tells an event another instance sent (and this one is publishing again, on the cluster
 * listener's thread) from one of this instance's own. A listener whose effect is cluster-wide
 * already (a row written, a message published to the broker) must act on local events only,
 * or every instance would do it once.
 */
@Component
public class RemoteEvents {

    private final ThreadLocal<Object> replaying = new ThreadLocal<>();

    /** True while {@code event}, received from another instance, is being published here. */
    public boolean isRemote(Object event) {
        return event != null && replaying.get() == event;
    }

    /** Runs {@code publish} with {@code event} marked remote (only that very object). */
    void replay(Object event, Runnable publish) {
        Object outer = replaying.get();
        replaying.set(event);
        try {
            publish.run();
        }
        finally {
            replaying.set(outer);
        }
    }
}
