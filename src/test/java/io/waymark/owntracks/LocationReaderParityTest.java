package io.waymark.owntracks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming location reader against the tree path it short-cuts: for every payload the codec
 * must answer exactly what the tree path alone answers, the same message or the same rejection
 * (reason and detail). The tree path is the codec's own ({@link OwnTracksCodec#decodeTree}): it
 * still decodes every other type and every payload the reader hands back.
 */
class LocationReaderParityTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final OwnTracksCodec codec = new OwnTracksCodec(MAPPER);

    /** Lenient edge cases the reader streams itself. */
    private static final List<String> STREAMED = List.of(
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660}",
            "{\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"_type\":\"location\"}", // _type last
            "{\"_type\":\"location\",\"lat\":\"52.52\",\"lon\":\" 13.405 \",\"tst\":\"1718031660\",\"acc\":\"12\"}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660.9,\"acc\":12.5,\"alt\":-0.5,\"batt\":99.49}",
            "{\"_type\":\"location\",\"lat\":5e1,\"lon\":1.3405E1,\"tst\":1.71803166E9,\"vel\":1e2}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"acc\":3000000000,\"alt\":-3000000000,"
                    + "\"vac\":123456789012345678901234567890,\"vel\":true,\"cog\":{\"a\":1},\"batt\":[1],\"bs\":\"full\","
                    + "\"p\":\"high\",\"m\":null}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"p\":101.3,\"m\":\"2\",\"created_at\":\"5\"}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"SSID\":\"A\",\"ssid\":\"b\","
                    + "\"bssid\":\"c\"}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"ssid\":\"b\",\"SSID\":null}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"tid\":{\"x\":[1,2]},\"conn\":[\"w\"]}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"tid\":\"caf\\u00e9 \\\"x\\\"\"}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"inregions\":[\"a\",null,{\"b\":1},[\"c\"],\"d\"],"
                    + "\"inrids\":\"notalist\"}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"inregions\":{\"a\":\"b\"},\"inrids\":[]}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"extra\":{\"lat\":1,\"deep\":[{\"tst\":2}]},"
                    + "\"more\":[[[]]],\"flag\":false,\"nothing\":null}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660}\n",
            // duplicate keys: the last one wins, as in a tree
            "{\"_type\":\"location\",\"lat\":1,\"lat\":52.52,\"lon\":13.405,\"tst\":1,\"tst\":1718031660,\"batt\":5,\"batt\":null}",
            "{\"_type\":\"location\",\"lat\":\"abc\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660}");

    /** Payloads the reader hands back to the tree path: other types, odd shapes, every rejection. */
    private static final List<String> HANDED_BACK = List.of(
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"created_at\":\"  \"}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"tid\":12,\"t\":true}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"inregions\":[1,2.50,true]}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"tid\":1,\"tid\":\"ok\"}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"_type\":\"status\"}",
            "{\"_type\":\"status\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"_type\":\"location\"}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"acc\":1e400}",
            "{\"_type\":\"location\",\"lon\":13.405,\"tst\":1718031660}",
            "{\"_type\":\"location\",\"lat\":null,\"lon\":13.405,\"tst\":1718031660}",
            "{\"_type\":\"location\",\"lat\":\"\",\"lon\":13.405,\"tst\":1718031660}",
            "{\"_type\":\"location\",\"lat\":\"abc\",\"lon\":13.405,\"tst\":1718031660}",
            "{\"_type\":\"location\",\"lat\":\"NaN\",\"lon\":13.405,\"tst\":1718031660}",
            "{\"_type\":\"location\",\"lat\":\"Infinity\",\"lon\":13.405,\"tst\":1718031660}",
            "{\"_type\":\"location\",\"lat\":1e400,\"lon\":13.405,\"tst\":1718031660}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":true,\"tst\":1718031660}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":{\"v\":1},\"tst\":1718031660}",
            "{\"_type\":\"location\",\"lat\":90.0001,\"lon\":13.405,\"tst\":1718031660}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":-180.5,\"tst\":1718031660}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":-1}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660000}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":-0.5}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"created_at\":-5}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660,\"created_at\":false}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660} {\"_type\":\"lwt\"}",
            "{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660} x",
            "{\"_type\":null,\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660}",
            "{\"_type\":5,\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660}",
            "{\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660}",
            "[{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660}]",
            "\"location\"", "42", "null", "", " \n", "{}",
            // the configuration snippets of the seeds (notes on brokers): one valid, one missing a comma
            "{\"_type\": \"configuration\", \"mode\":0, \"host\":\"broker.losant.com\", \"port\":8883, \"tls\":true,"
                    + " \"clientId\":\"CLIENT_ID\", \"auth\":true}",
            "{\"_type\":\"configuration\", \"mode\":0, \"tls\":true \"clientId\":\"CLIENTID\", }",
            "{\"_type\":\"encrypted\",\"data\":\"AAAA\"}");

    static Stream<String> corpus() throws IOException, URISyntaxException {
        Path dir = Paths.get(LocationReaderParityTest.class.getResource("/owntracks/corpus").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusPayloadDecodesAsOnTheTreePath(String file) {
        assertSameAsTree(Corpus.payload(file));
    }

    @Test
    void everyEdgeCaseDecodesAsOnTheTreePath() {
        for (String payload : Stream.concat(STREAMED.stream(), HANDED_BACK.stream()).toList()) {
            assertSameAsTree(payload.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theCorpusLocationsAndTheLenientEdgeCasesAreStreamedTheRestHandedBack() throws Exception {
        List<String> streamed = new ArrayList<>();
        for (String file : corpus().filter(f -> f.contains("location")).toList()) {
            assertThat(LocationReader.read(MAPPER, Corpus.payload(file))).as(file).isNotNull();
            streamed.add(file);
        }
        assertThat(streamed).hasSizeGreaterThanOrEqualTo(11);
        for (String payload : STREAMED) {
            assertThat(LocationReader.read(MAPPER, payload.getBytes(StandardCharsets.UTF_8))).as(payload).isNotNull();
        }
        for (String payload : HANDED_BACK) {
            assertThat(LocationReader.read(MAPPER, payload.getBytes(StandardCharsets.UTF_8))).as(payload).isNull();
        }
    }

    private void assertSameAsTree(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        assertThat(outcome(() -> codec.decode(payload))).as(text).isEqualTo(outcome(() -> codec.decodeTree(payload)));
    }

    /** The decoded message, or the rejection as reason and detail. */
    private static Object outcome(java.util.function.Supplier<OwnTracksMessage> decode) {
        try {
            return decode.get();
        }
        catch (InvalidMessageException ex) {
            return List.of(ex.reason(), ex.getMessage());
        }
    }
}
