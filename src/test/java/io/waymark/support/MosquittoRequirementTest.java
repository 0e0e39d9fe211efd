package io.waymark.support;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Tests that need a real Mosquitto fail in CI without it and are skipped elsewhere. */
class MosquittoRequirementTest {

    private static final Path MISSING = Path.of("/nonexistent/mosquitto");

    @Test
    void missingBinaryFailsTheTestInCi() {
        assertThatThrownBy(() -> MosquittoProcess.requireInstalled(MISSING, true))
            .isInstanceOf(AssertionFailedError.class)
            .hasMessageContaining("mosquitto binary not found; .ci/run must install the mosquitto package");
    }

    @Test
    void missingBinarySkipsTheTestOutsideCi() {
        assertThatThrownBy(() -> MosquittoProcess.requireInstalled(MISSING, false))
            .isInstanceOf(TestAbortedException.class)
            .hasMessageContaining("mosquitto binary not found");
    }

    @Test
    void presentBinaryIsEnough() {
        assertThatNoException().isThrownBy(() -> MosquittoProcess.requireInstalled(Path.of("/bin/sh"), true));
    }
}
