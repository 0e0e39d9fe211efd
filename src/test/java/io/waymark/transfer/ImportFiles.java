package io.waymark.transfer;

import java.time.Instant;

/** Import files as the Recorder, GPS tools and GeoJSON writers make them, for the import tests. */
final class ImportFiles {

    private ImportFiles() {
    }

    /** A Recorder line: ISO time, the marker padded to 18 characters, the JSON. */
    static String recLine(long tst, String marker, String json) {
        return Instant.ofEpochSecond(tst) + "\t" + String.format("%-18s", marker) + "\t" + json + "\n";
    }

    static String location(double lat, double lon, long tst) {
        return "{\"_type\":\"location\",\"tid\":\"jp\",\"lat\":" + lat + ",\"lon\":" + lon + ",\"tst\":" + tst
                + ",\"acc\":10,\"batt\":80}";
    }

    /**
     * Seven lines: three locations, a transition, an lwt, a line without fields (5) and a
     * location out of range (6).
     */
    static String rec(long base) {
        return recLine(base, "*", location(52.52, 13.405, base))
                + recLine(base + 60, "*", location(52.521, 13.406, base + 60))
                + recLine(base + 100, "*", "{\"_type\":\"transition\",\"event\":\"enter\",\"desc\":\"Office\",\"tst\":"
                        + (base + 100) + ",\"wtst\":1700000000,\"lat\":52.522,\"lon\":13.407,\"acc\":8,\"t\":\"c\"}")
                + recLine(base + 110, "lwt", "{\"_type\":\"lwt\",\"tst\":" + base + "}")
                + "this line is not a recorder line\n"
                + recLine(base + 115, "*", location(95, 13.4, base + 115))
                + recLine(base + 120, "*", location(52.522, 13.407, base + 120));
    }

    /** Three track points (the second without elevation); the fourth, on line 9, has no time. */
    static String gpx(long base) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
                 <trk><name>walk</name><trkseg>
                  <trkpt lat="48.8566" lon="2.3522"><ele>35.6</ele><time>%s</time></trkpt>
                  <trkpt lat="48.857" lon="2.353">
                   <time>%s</time>
                  </trkpt>
                  <trkpt lat="48.858" lon="2.354"><ele>36</ele><time>%s</time><extensions><x>1</x></extensions></trkpt>
                  <trkpt lat="48.859" lon="2.355"><ele>36</ele></trkpt>
                 </trkseg></trk>
                </gpx>
                """.formatted(Instant.ofEpochSecond(base), Instant.ofEpochSecond(base + 30).toString().replace("Z", "+00:00"),
                Instant.ofEpochSecond(base + 60));
    }
}
