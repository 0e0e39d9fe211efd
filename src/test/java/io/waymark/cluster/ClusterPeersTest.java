package io.waymark.cluster;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterPeersTest {

    private final AtomicLong now = new AtomicLong(1_000);

    private final ClusterPeers peers = new ClusterPeers(now::get);

    @Test
    void aloneUntilAnotherInstanceIsHeard() {
        assertThat(peers.any()).isFalse();
        assertThat(peers.heard("b")).isTrue();
        assertThat(peers.any()).isTrue();
    }

    @Test
    void aPeerHeardAgainIsNotNewUntilItWasGone() {
        peers.heard("b");
        now.addAndGet(ClusterPeers.HELLO_INTERVAL.toNanos());
        assertThat(peers.heard("b")).isFalse();
        assertThat(peers.heard("c")).isTrue();

        now.addAndGet(ClusterPeers.GONE_AFTER.toNanos());
        assertThat(peers.any()).isTrue(); // exactly GONE_AFTER since the last one heard
        now.incrementAndGet();
        assertThat(peers.any()).isFalse();
        assertThat(peers.heard("b")).isTrue(); // back after it was gone: new again
        assertThat(peers.any()).isTrue();
    }
}
