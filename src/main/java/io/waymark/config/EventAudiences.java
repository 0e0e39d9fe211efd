package io.waymark.config;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every {@link EventAudience} of the application, asked together: what a publisher of an event
 * at message rate injects, so that it builds and publishes only what someone wants now.
 */
@Component
public class EventAudiences {

    private final ObjectProvider<EventAudience> beans;

    /** Resolved at the first question, not in the constructor: the audiences are web and cluster beans. */
    private volatile List<EventAudience> audiences;

    EventAudiences(ObjectProvider<EventAudience> beans) {
        this.beans = beans;
    }

    public boolean anyWants(Object event) {
        List<EventAudience> resolved = audiences;
        if (resolved == null) {
            resolved = beans.orderedStream().toList();
            audiences = resolved;
        }
        return EventAudience.anyWants(resolved, event);
    }
}
