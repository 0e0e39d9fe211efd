package io.waymark.cluster;

import java.time.Instant;
import java.util.List;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;
import io.waymark.owntracks.Transition;
import io.waymark.presence.Presence;
import io.waymark.presence.PresenceChanged;
import io.waymark.presence.PresenceReason;
import io.waymark.presence.PresenceState;
import io.waymark.tracking.LocationStored;
import io.waymark.tracking.ReceivedLocation;
import io.waymark.tracking.ReceivedTransition;
import io.waymark.tracking.TransitionStored;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What one instance sends, another reads back as the very same event. */
class ClusterEventCodecTest {

    static final DeviceId PHONE = new DeviceId("jane", "phone");

    static final Instant AT = Instant.parse("2026-11-25T08:00:00.123456Z");

    private final ClusterEventCodec codec = new ClusterEventCodec(List.of(ClusterEventType.of("location",
            LocationStored.class), ClusterEventType.of("transition", TransitionStored.class),
            ClusterEventType.of("presence", PresenceChanged.class)), JsonMapper.builder().build());

    @Test
    void everyEventTypeSurvivesTheRoundTrip() {
        Location location = new Location(52.5, 13.4, 1795593600L, 10, 34, 3, 5, 90, 80, 1, "ph", "p", "w",
                List.of("Home", "Work"), List.of("r1"), "wifi", "aa:bb", 101.3, 1, 1795593599L);
        LocationStored stored = new LocationStored(new ReceivedLocation(PHONE, location, AT, "owntracks/jane/phone",
                "{\"_type\":\"location\",\"lat\":52.5}"), true);
        TransitionStored transition = new TransitionStored(new ReceivedTransition(PHONE,
                new Transition("enter", 1795593600L, 1795500000L, 52.5, 13.4, 10, "Home", "r1", "ph", "c"), AT, "{}"));
        PresenceChanged presence = new PresenceChanged(PHONE,
                new Presence(PresenceState.OFFLINE, PresenceReason.TIMEOUT, AT, AT.minusSeconds(5)));

        String payload = codec.events("me", 7, List.of(codec.encode(stored), codec.encode(transition),
                codec.encode(presence)));
        ClusterEventCodec.Envelope envelope = codec.decode(payload);

        assertThat(envelope.from()).isEqualTo("me");
        assertThat(envelope.events()).containsExactly(stored, transition, presence);
        assertThat(envelope.readBack()).isNull();
        assertThat(envelope.missed()).isFalse();
    }

    @Test
    void readBackAndMissedEnvelopesSayWhatTheyAre() {
        assertThat(codec.decode(codec.readBack("other", 1, 42)).readBack()).isEqualTo(42L);
        assertThat(codec.decode(codec.missed("other", 2)).missed()).isTrue();
    }

    @Test
    void aHelloSaysWhoIsThereAndWhetherTheReceiverMissedSomething() {
        ClusterEventCodec.Envelope hello = codec.decode(codec.hello("other", 3, false));
        assertThat(hello.hello()).isTrue();
        assertThat(hello.from()).isEqualTo("other");
        assertThat(hello.missed()).isFalse();
        assertThat(hello.events()).isEmpty();
        assertThat(codec.decode(codec.hello("other", 4, true)).missed()).isTrue();
        assertThat(codec.decode(codec.missed("other", 5)).hello()).isFalse();
        // the sender's own notifications are recognised before decoding
        assertThat(codec.hello("other", 6, true)).startsWith(codec.prefix("other"));
        assertThat(codec.events("other", 7, List.of(codec.encode(new PresenceChanged(PHONE, new Presence(
                PresenceState.ONLINE, PresenceReason.MESSAGE, AT, AT)))))).startsWith(codec.prefix("other"));
        assertThat(codec.readBack("another", 8, 1)).doesNotStartWith(codec.prefix("other"));
    }

    @Test
    void eventsOfAnUnknownTypeAreSkippedAndTheRestKept() {
        PresenceChanged presence = new PresenceChanged(PHONE, new Presence(PresenceState.ONLINE,
                PresenceReason.MESSAGE, AT, AT));
        String payload = codec.events("newer", 3, List.of("{\"type\":\"card\",\"event\":{\"x\":1}}",
                codec.encode(presence)));
        assertThat(codec.decode(payload).events()).containsExactly(presence);
    }

    @Test
    void onlyDeclaredTypesAreClusterWide() {
        assertThat(codec.isClusterWide(LocationStored.class)).isTrue();
        assertThat(codec.isClusterWide(String.class)).isFalse();
    }
}
