package io.waymark.broker;

import java.util.Set;
import java.util.stream.Collectors;

import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code waymark.broker.event-loop-threads} (default 1) sizes the embedded broker's network
 * threads. Netty's own default is two per core, handed out round robin: there the second
 * connection would get {@code hivemq-eventloop-child-1}.
 */
class EmbeddedBrokerThreadsTest extends EmbeddedWaymarkTest {

    @Test
    void everyConnectionIsServedByTheOneEventLoop() {
        long tst = Phone.now();
        try (Phone a = phone("loops-a", "phone"); Phone b = phone("loops-b", "phone"); Phone c = phone("loops-c", "phone")) {
            a.publishLocation(50, 8, tst); // each returns on its PUBACK: the connection is served
            b.publishLocation(51, 8, tst);
            c.publishLocation(52, 8, tst);
            Set<String> loops = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("hivemq-eventloop-child-"))
                .collect(Collectors.toSet());
            assertThat(loops).containsExactly("hivemq-eventloop-child-0");
        }
        assertThat(System.getProperty("io.netty.eventLoopThreads")).isEqualTo("1");
    }
}
