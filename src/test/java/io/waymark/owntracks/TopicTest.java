package io.waymark.owntracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicTest {

    @Test
    void baseTopicHasUserDeviceAndNoSubtopic() {
        assertThat(Topic.parse("owntracks/jane/phone"))
                .isEqualTo(new Topic("jane", "phone", null));
    }

    @Test
    void eventTopicHasSubtopic() {
        assertThat(Topic.parse("owntracks/jane/phone/event"))
                .isEqualTo(new Topic("jane", "phone", "event"));
    }

    @Test
    void deeperLevelsStayInTheSubtopic() {
        assertThat(Topic.parse("owntracks/jane/phone/waypoints/extra").subtopic()).isEqualTo("waypoints/extra");
    }

    @Test
    void trailingSlashLeavesNoSubtopic() {
        assertThat(Topic.parse("owntracks/jane/phone/").subtopic()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "owntracks/jane/phone/cmd", "/owntracks/jane/phone/cmd", "owntracks/jane/phone",
            "owntracks/jane/phone/event", "owntracks/jane/cmd", "owntracks/jane/phone/x/cmd", "owntracks/cmd/cmd/cmd" })
    void theQuickCommandCheckAgreesWithTheParse(String topic) {
        assertThat(Topic.isCommand(topic)).isEqualTo(Topic.parse(topic).isCommand());
    }

    @Test
    void onlyTheFourthLevelMakesACommand() {
        assertThat(Topic.isCommand("owntracks/jane/phone/cmd")).isTrue();
        assertThat(Topic.isCommand("owntracks/jane/phone/x/cmd")).isFalse();
        assertThat(Topic.isCommand("owntracks/jane/phone/event")).isFalse();
    }

    @Test
    void leadingSlashIsTolerated() {
        assertThat(Topic.parse("/owntracks/jane/phone/info"))
                .isEqualTo(new Topic("jane", "phone", "info"));
    }

    @Test
    void anEmptyPrefixAndAnEmptyFourthLevelAreKeptAsSent() {
        assertThat(Topic.parse("//jane/phone")).isEqualTo(new Topic("jane", "phone", null));
        assertThat(Topic.parse("owntracks/jane/phone//x")).isEqualTo(new Topic("jane", "phone", "/x"));
    }

    @Test
    void customPrefixIsAccepted() {
        assertThat(Topic.parse("family-tracks/bob/ipad"))
                .isEqualTo(new Topic("bob", "ipad", null));
    }

    @ParameterizedTest(name = "''{0}'' is a bad topic")
    @ValueSource(strings = {"", "/", "owntracks", "owntracks/jane", "/owntracks/jane", "owntracks//phone",
            "owntracks/jane/", "owntracks///event"})
    void topicsWithFewerThanThreeLevelsOrEmptyLevelsAreRejected(String name) {
        assertThatExceptionOfType(InvalidMessageException.class)
                .isThrownBy(() -> Topic.parse(name))
                .satisfies(ex -> {
                    assertThat(ex.reason()).isEqualTo(RejectionReason.BAD_TOPIC);
                    assertThat(ex.getMessage()).contains("'" + name + "'");
                });
    }

    @Test
    void nullTopicIsRejected() {
        assertThatExceptionOfType(InvalidMessageException.class)
                .isThrownBy(() -> Topic.parse(null))
                .satisfies(ex -> assertThat(ex.reason()).isEqualTo(RejectionReason.BAD_TOPIC));
    }

    @Test
    void defaultTidIsTheLastTwoCharactersOfTheDevice() {
        assertThat(DeviceId.of(Topic.parse("owntracks/jane/phone")).defaultTid()).isEqualTo("ne");
        assertThat(DeviceId.of(Topic.parse("owntracks/jane/iPhone15/event")).defaultTid()).isEqualTo("15");
    }

    @Test
    void defaultTidOfAShortDeviceIsTheWholeDevice() {
        assertThat(DeviceId.of(Topic.parse("owntracks/jane/ab")).defaultTid()).isEqualTo("ab");
        assertThat(DeviceId.of(Topic.parse("owntracks/jane/x")).defaultTid()).isEqualTo("x");
    }
}
