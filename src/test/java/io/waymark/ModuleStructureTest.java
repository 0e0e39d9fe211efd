package io.waymark;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure: no cycles between the top-level packages, and no module reaching
 * into another's internals (package-private types, sub-packages).
 */
class ModuleStructureTest {

    private final ApplicationModules modules = ApplicationModules.of(WaymarkApplication.class);

    @Test
    void modulesDependOnEachOtherOneWayThroughTheirPublicFaces() {
        modules.verify();
    }

    @Test
    void everyFeatureIsAModule() {
        assertThat(modules.stream().map(m -> m.getBasePackage().getName()))
            .contains("io.waymark.owntracks", "io.waymark.ingest", "io.waymark.device", "io.waymark.tracking",
                    "io.waymark.presence", "io.waymark.broker", "io.waymark.cluster", "io.waymark.dashboard",
                    "io.waymark.config", "io.waymark.friends", "io.waymark.command");
    }
}
