package io.waymark.broker;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A taken broker port stops startup with one line that names the port and the property. */
class BrokerPortInUseTest {

    @Test
    void takenPortFailsStartupWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> WaymarkApp.start(Map.of("waymark.broker.port", Integer.toString(port),
                    "spring.datasource.url", "jdbc:h2:mem:port-in-use;DB_CLOSE_DELAY=-1")))
                .hasRootCauseInstanceOf(java.net.BindException.class)
                .satisfies(ex -> {
                    BrokerPortInUseException cause = findCause(ex);
                    FailureAnalysis analysis = new BrokerPortInUseFailureAnalyzer().analyze(ex);
                    assertThat(analysis.getDescription()).contains(":" + port).contains("waymark.broker.port")
                        .doesNotContain("\n");
                    assertThat(analysis.getAction()).contains("--waymark.broker.port=");
                    assertThat(cause.port()).isEqualTo(port);
                });
        }
    }

    private static BrokerPortInUseException findCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BrokerPortInUseException found) {
                return found;
            }
        }
        throw new AssertionError("no BrokerPortInUseException in " + ex);
    }
}
