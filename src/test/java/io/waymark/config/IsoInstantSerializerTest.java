package io.waymark.config;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantSerializerTest {

    private final JsonMapper mapper = JsonMapper.builder()
        .addModule(new SimpleModule().addSerializer(Instant.class, new IsoInstantSerializer()))
        .build();

    @Test
    void writesWhatInstantToStringWrites() {
        for (String text : new String[] { "2026-11-25T08:09:34Z", "2026-11-25T08:09:34.612Z",
                "2026-11-25T08:09:34.612829Z", "2026-11-25T08:09:34.612829001Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00.100Z", "2100-03-01T00:00:00Z",
                "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z" }) {
            assertThat(mapper.writeValueAsString(Instant.parse(text))).isEqualTo('"' + text + '"');
        }
    }

    @Test
    void agreesWithInstantToStringOverRandomInstants() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 200_000; n++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L),
                    switch (n % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(mapper.writeValueAsString(instant)).isEqualTo('"' + instant.toString() + '"');
        }
    }

    @Test
    void yearsBeyondFourDigitsFallBackToInstantToString() {
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(mapper.writeValueAsString(far)).isEqualTo('"' + far.toString() + '"');
    }
}
