package io.waymark.owntracks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.json.JsonMapper;

/** Decoding the captured payloads of the corpus: exact values, never ranges. */
class OwnTracksCodecTest {

    private final OwnTracksCodec codec = new OwnTracksCodec();

    private OwnTracksMessage decode(String file) {
        return codec.decode(Corpus.payload(file));
    }

    private <T extends OwnTracksMessage> T decode(String file, Class<T> type) {
        OwnTracksMessage message = decode(file);
        assertThat(message).isInstanceOf(type);
        return type.cast(message);
    }

    @ParameterizedTest(name = "{0} decodes as {1}")
    @CsvSource({
            "android-location-wifi.json, location",
            "android-location-mobile-charging.json, location",
            "ios-location-with-ssid-lowercase.json, location",
            "ios-location-inregions-ssid-uppercase.json, location",
            "ios-location-http-with-topic.json, location",
            "location-numbers-as-strings.json, location",
            "location-integers-as-floats.json, location",
            "greenwich-location-extra-fields.json, location",
            "qtripp-location-extra-fields.json, location",
            "location-minimal.json, location",
            "location-without-tid.json, location",
            "ios-lwt-with-tst.json, lwt",
            "android-lwt-no-tst.json, lwt",
            "transition-enter.json, transition",
            "android-transition-leave.json, transition",
            "waypoint.json, waypoint",
            "waypoints.json, waypoints",
            "card-with-face.json, card",
            "status-ios.json, status",
            "status-android.json, status",
            "cmd-reportLocation.json, cmd",
            "configuration-dump.json, configuration",
            "encrypted.json, encrypted",
            "steps.json, steps",
            "beacon.json, beacon",
            "unknown-type.json, holographicPresence",
    })
    void everyCorpusPayloadDecodesToItsType(String file, String type) {
        assertThat(decode(file).type()).isEqualTo(type);
    }

    @Test
    void androidLocationOnWifiKeepsEveryField() {
        Location location = decode("android-location-wifi.json", Location.class);

        assertThat(location)
                .returns(52.5200066, Location::lat)
                .returns(13.404954, Location::lon)
                .returns(1718031660L, Location::tst)
                .returns(12, Location::acc)
                .returns(48, Location::alt)
                .returns(3, Location::vac)
                .returns(0, Location::vel)
                .returns(null, Location::cog)
                .returns(76, Location::batt)
                .returns(1, Location::bs)
                .returns("ne", Location::tid)
                .returns("p", Location::trigger)
                .returns("w", Location::conn)
                .returns(List.of(), Location::inregions)
                .returns(List.of(), Location::inrids)
                .returns("FRITZ!Box 7590 QL", Location::ssid)
                .returns("a4:2b:b0:8e:11:5c", Location::bssid)
                .returns(null, Location::pressure)
                .returns(1, Location::monitoringMode)
                .returns(1718031662L, Location::createdAt);
    }

    @Test
    void androidLocationOnMobileDataWhileCharging() {
        Location location = decode("android-location-mobile-charging.json", Location.class);

        assertThat(location)
                .returns(51.339695, Location::lat)
                .returns(12.373075, Location::lon)
                .returns(1718035211L, Location::tst)
                .returns(35, Location::acc)
                .returns(112, Location::alt)
                .returns(54, Location::vel)
                .returns(87, Location::cog)
                .returns(41, Location::batt)
                .returns(2, Location::bs)
                .returns("u", Location::trigger)
                .returns("m", Location::conn)
                .returns(List.of(), Location::inregions)
                .returns(null, Location::ssid)
                .returns(null, Location::bssid)
                .returns(2, Location::monitoringMode)
                .returns(1718035212L, Location::createdAt);
    }

    @Test
    void iosLocationReadsLowerCaseSsidAndBssid() {
        Location location = decode("ios-location-with-ssid-lowercase.json", Location.class);

        assertThat(location)
                .returns(48.856614, Location::lat)
                .returns(2.3522219, Location::lon)
                .returns(1740412800L, Location::tst)
                .returns(5, Location::acc)
                .returns(36, Location::alt)
                .returns(8, Location::vac)
                .returns(4, Location::vel)
                .returns(270, Location::cog)
                .returns(54, Location::batt)
                .returns(1, Location::bs)
                .returns("jp", Location::tid)
                .returns("t", Location::trigger)
                .returns("w", Location::conn)
                .returns("Livebox-5A20", Location::ssid)
                .returns("3c:37:86:1a:5a:20", Location::bssid)
                .returns(101.257, Location::pressure)
                .returns(2, Location::monitoringMode)
                .returns(1740412805L, Location::createdAt);
    }

    @Test
    void iosLocationKeepsRegionsAndUpperCaseSsidInOrder() {
        Location location = decode("ios-location-inregions-ssid-uppercase.json", Location.class);

        assertThat(location)
                .returns(52.516275, Location::lat)
                .returns(13.377704, Location::lon)
                .returns(1718040001L, Location::tst)
                .returns(8, Location::acc)
                .returns(100, Location::batt)
                .returns(3, Location::bs)
                .returns("jd", Location::tid)
                .returns(null, Location::trigger)
                .returns(List.of("Home", "Neighbourhood"), Location::inregions)
                .returns(List.of("6a1f0c33", "b80e9d21"), Location::inrids)
                .returns("Home", Location::ssid)
                .returns("f4:92:bf:7:e1:2", Location::bssid)
                .returns(100.891, Location::pressure)
                .returns(1718040003L, Location::createdAt);
    }

    @Test
    void httpModeLocationWithTopicAndSouthernEasternCoordinates() {
        Location location = decode("ios-location-http-with-topic.json", Location.class);

        assertThat(location)
                .returns(-33.8688197, Location::lat)
                .returns(151.2092955, Location::lon)
                .returns(1718044440L, Location::tst)
                .returns(65, Location::acc)
                .returns(23, Location::batt)
                .returns("sy", Location::tid)
                .returns("v", Location::trigger)
                .returns(1718044500L, Location::createdAt);
    }

    @Test
    void numbersSentAsStringsAreRead() {
        Location location = decode("location-numbers-as-strings.json", Location.class);

        assertThat(location)
                .returns(47.3768866, Location::lat)
                .returns(8.541694, Location::lon)
                .returns(1718031660L, Location::tst)
                .returns(10, Location::acc)
                .returns(408, Location::alt)
                .returns(85, Location::batt)
                .returns(1, Location::bs)
                .returns(0, Location::vel)
                .returns("zh", Location::tid)
                .returns(1718031661L, Location::createdAt);
    }

    @Test
    void integersSentAsFloatsAreRead() {
        Location location = decode("location-integers-as-floats.json", Location.class);

        assertThat(location)
                .returns(40.4167754, Location::lat)
                .returns(-3.7037902, Location::lon)
                .returns(1718031660L, Location::tst)
                .returns(12, Location::acc)
                .returns(657, Location::alt)
                .returns(4, Location::vac)
                .returns(31, Location::vel)
                .returns(180, Location::cog)
                .returns(85, Location::batt)
                .returns(2, Location::bs)
                .returns(1, Location::monitoringMode)
                .returns(1718031663L, Location::createdAt);
    }

    @Test
    void fractionalIntegerFieldsAreRoundedToTheNearestInteger() {
        Transition transition = decode("android-transition-leave.json", Transition.class);

        assertThat(transition.acc()).isEqualTo(22); // sent as 21.7
    }

    @Test
    void greenwichExtraFieldsDoNotDisturbTheKnownOnes() {
        Location location = decode("greenwich-location-extra-fields.json", Location.class);

        assertThat(location)
                .returns(45.4642035, Location::lat)
                .returns(9.189982, Location::lon)
                .returns(1718050000L, Location::tst)
                .returns(122, Location::alt)
                .returns(211, Location::cog)
                .returns(47, Location::vel)
                .returns(98, Location::batt)
                .returns("GW", Location::tid)
                .returns("t", Location::trigger)
                .returns(null, Location::acc)
                .returns(null, Location::conn);
    }

    @Test
    void qtrippExtraFieldsDoNotDisturbTheKnownOnes() {
        Location location = decode("qtripp-location-extra-fields.json", Location.class);

        assertThat(location)
                .returns(50.9375311, Location::lat)
                .returns(6.9602786, Location::lon)
                .returns(1718052000L, Location::tst)
                .returns(2, Location::acc)
                .returns(55, Location::alt)
                .returns(90, Location::cog)
                .returns(0, Location::vel)
                .returns(92, Location::batt)
                .returns("Q3", Location::tid)
                .returns("i", Location::trigger)
                .returns(null, Location::createdAt);
    }

    @Test
    void minimalLocationLeavesEveryOptionalFieldEmpty() {
        Location location = decode("location-minimal.json", Location.class);

        assertThat(location).isEqualTo(new Location(60.1698557, 24.938379, 1718031660L, null, null, null,
                null, null, null, null, null, null, null, List.of(), List.of(), null, null, null, null, null));
    }

    @Test
    void locationWithoutTidHasNullTid() {
        Location location = decode("location-without-tid.json", Location.class);

        assertThat(location)
                .returns(59.3293235, Location::lat)
                .returns(18.0685808, Location::lon)
                .returns(1718031700L, Location::tst)
                .returns(17, Location::acc)
                .returns(62, Location::batt)
                .returns(null, Location::tid);
    }

    @Test
    void iosLwtCarriesTheConnectTime() {
        assertThat(decode("ios-lwt-with-tst.json")).isEqualTo(new Lwt(1718020000L));
    }

    @Test
    void androidLwtWithoutTstIsAccepted() {
        assertThat(decode("android-lwt-no-tst.json")).isEqualTo(new Lwt(null));
    }

    @Test
    void transitionEnter() {
        assertThat(decode("transition-enter.json")).isEqualTo(new Transition("enter", 1718040000L, 1699004400L,
                52.516275, 13.377704, 14, "Home", "6a1f0c33", "jd", "c"));
    }

    @Test
    void androidTransitionLeave() {
        assertThat(decode("android-transition-leave.json")).isEqualTo(new Transition("leave", 1718053920L,
                1699012345L, 52.5306438, 13.3830683, 22, "Office", "e01d4c8a", "ne", "l"));
    }

    @Test
    void transitionWithoutCoordinatesIsAccepted() {
        OwnTracksMessage message = codec.decode("""
                {"_type":"transition","event":"leave","desc":"Desk beacon","t":"b","tst":1718041200,"wtst":1699020000}
                """.getBytes());

        assertThat(message).isEqualTo(new Transition("leave", 1718041200L, 1699020000L, null, null, null,
                "Desk beacon", null, null, "b"));
    }

    @Test
    void singleWaypoint() {
        assertThat(decode("waypoint.json")).isEqualTo(new Waypoint("Office", 52.5306438, 13.3830683, 150,
                1699012345L, "e01d4c8a", null, null, null));
    }

    @Test
    void waypointsCarryCircularAndBeaconRegions() {
        Waypoints waypoints = decode("waypoints.json", Waypoints.class);

        assertThat(waypoints.waypoints()).containsExactly(
                new Waypoint("Home", 52.516275, 13.377704, 100, 1699004400L, "6a1f0c33", null, null, null),
                new Waypoint("Desk beacon", null, null, null, 1699020000L, "77c2b6e0",
                        "CA271EAE-5FA8-4E80-8F08-2A302A95A959", 1, 7));
    }

    @Test
    void cardWithFace() {
        assertThat(decode("card-with-face.json")).isEqualTo(new Card("Jane Doe", "jd",
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
    }

    @Test
    void statusKeepsTheWholePayload() {
        JsonMapper mapper = JsonMapper.builder().build();
        for (String file : List.of("status-ios.json", "status-android.json")) {
            Status status = decode(file, Status.class);

            assertThat(mapper.readTree(status.json())).as(file).isEqualTo(mapper.readTree(Corpus.payload(file)));
        }
    }

    @Test
    void cmdReportLocation() {
        assertThat(decode("cmd-reportLocation.json")).isEqualTo(new Cmd("reportLocation"));
    }

    @Test
    void aConfigurationDumpKeepsItsJsonAndItsRegions() {
        Configuration dump = (Configuration) decode("configuration-dump.json");
        assertThat(dump.json()).contains("\"clientId\":\"jane-iphone\"");
        assertThat(dump.waypoints()).containsExactly(
                new Waypoint("Home", 52.516275, 13.377704, 100, 1699004400L, "6a1f0c33", null, null, null));
    }

    @Test
    void aBrokenRegionInADumpIsSkippedNotFatal() {
        Configuration dump = (Configuration) codec.decode(("{\"_type\":\"configuration\",\"waypoints\":"
                + "[{\"desc\":\"no tst\"},{\"desc\":\"ok\",\"tst\":5}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(dump.waypoints()).extracting(Waypoint::desc).containsExactly("ok");
    }

    @Test
    void encryptedStepsBeaconAndUnknownTypesPassThrough() {
        assertThat(decode("encrypted.json")).isEqualTo(new OtherMessage("encrypted"));
        assertThat(decode("steps.json")).isEqualTo(new OtherMessage("steps"));
        assertThat(decode("beacon.json")).isEqualTo(new OtherMessage("beacon"));
        assertThat(decode("unknown-type.json")).isEqualTo(new OtherMessage("holographicPresence"));
    }

    @Test
    void coordinateBoundsAndEpochZeroAreAccepted() {
        Location north = (Location) codec.decode("""
                {"_type":"location","lat":90,"lon":180,"tst":0}""".getBytes());
        Location south = (Location) codec.decode("""
                {"_type":"location","lat":-90,"lon":-180,"tst":0}""".getBytes());

        assertThat(north).returns(90.0, Location::lat).returns(180.0, Location::lon).returns(0L, Location::tst);
        assertThat(south).returns(-90.0, Location::lat).returns(-180.0, Location::lon);
    }

    @Test
    void unreadableOptionalFieldsAreDroppedNotFatal() {
        Location location = (Location) codec.decode(("{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,"
                + "\"tst\":1718031660,\"batt\":\"full\",\"acc\":3000000000,\"p\":\"high\",\"vel\":12}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(location.lat()).isEqualTo(52.52);
        assertThat(location.tst()).isEqualTo(1718031660L);
        assertThat(location.batt()).isNull();
        assertThat(location.acc()).isNull();
        assertThat(location.pressure()).isNull();
        assertThat(location.vel()).isEqualTo(12);
    }
}
