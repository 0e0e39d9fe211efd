package io.waymark.ingest.mqtt;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each cause {@link MqttFailureCause} tells apart, as Paho and the JDK report it; no broker. */
class MqttFailureCauseTest {

    static Stream<Arguments> networkAndTlsCauses() {
        return Stream.of(
                Arguments.of(new CertPathValidatorException("validity check failed"), "is not trusted: set waymark.mqtt.tls.ca"),
                Arguments.of(new SSLHandshakeException("PKIX path building failed"), "is not trusted: set waymark.mqtt.tls.ca"),
                Arguments.of(new IOException("unable to find valid certification path to requested target"),
                        "is not trusted"),
                Arguments.of(new CertificateException("No subject alternative names matching IP address 127.0.0.1 found"),
                        "does not name the host in waymark.mqtt.url (or turn off waymark.mqtt.tls.verify-hostname)"),
                Arguments.of(new CertificateException("No name matching broker.example found"),
                        "does not name the host in waymark.mqtt.url"),
                Arguments.of(new SSLHandshakeException("Received fatal alert: bad_certificate"),
                        "refused Waymark's TLS client certificate (waymark.mqtt.tls.certificate / waymark.mqtt.tls.key-store)"),
                Arguments.of(new SSLHandshakeException("Received fatal alert: unknown_ca"), "refused Waymark's TLS client certificate"),
                Arguments.of(new SSLHandshakeException("Received fatal alert: certificate_required"),
                        "refused Waymark's TLS client certificate"),
                Arguments.of(new SSLHandshakeException("Received fatal alert: certificate_unknown"),
                        "refused Waymark's TLS client certificate"),
                Arguments.of(new SSLHandshakeException("Received fatal alert: access_denied"),
                        "refused Waymark's TLS client certificate"),
                Arguments.of(new SSLHandshakeException("Received fatal alert: decrypt_error"),
                        "refused Waymark's TLS client certificate"),
                Arguments.of(new CertificateException("Certificate expired"), "the broker's TLS certificate was refused"),
                Arguments.of(new UnknownHostException("no-such-broker.invalid"),
                        "unknown broker host no-such-broker.invalid: check waymark.mqtt.url"),
                Arguments.of(new ConnectException("Connection refused"), "the broker is unreachable: check waymark.mqtt.url"),
                Arguments.of(new NoRouteToHostException("No route to host"), "the broker is unreachable"),
                Arguments.of(new SocketTimeoutException("connect timed out"),
                        "the broker did not answer in time: check waymark.mqtt.url (host and port)"));
    }

    @ParameterizedTest
    @MethodSource("networkAndTlsCauses")
    void namesTheNetworkOrTlsCauseAndKeepsTheDetail(Throwable failure, String cause) {
        assertThat(MqttFailureCause.describe(failure)).contains(cause).endsWith("(" + failure.getMessage() + ")");
    }

    static Stream<Arguments> reasonCodes() {
        return Stream.of(
                Arguments.of(1, 0x84, "the broker does not accept this MQTT version: check waymark.mqtt.protocol-version"),
                Arguments.of(2, 0x85, "the broker refused the client id: check waymark.mqtt.client-id"),
                Arguments.of(3, 0x88, "the broker is unavailable"),
                Arguments.of(3, 0x89, "the broker is unavailable"),
                Arguments.of(4, 0x86, "bad user name or password: check waymark.mqtt.username and waymark.mqtt.password"),
                Arguments.of(5, 0x87, "not authorized: the broker refused Waymark's credentials or client id"));
    }

    @ParameterizedTest
    @MethodSource("reasonCodes")
    void namesTheCauseOfAConnackReturnCodeAndOfTheMatchingMqtt5ReasonCode(int v3Code, int v5Code, String cause) {
        assertThat(MqttFailureCause.describe(new org.eclipse.paho.client.mqttv3.MqttException(v3Code))).startsWith(cause);
        assertThat(MqttFailureCause.describe(new org.eclipse.paho.mqttv5.common.MqttException(v5Code))).startsWith(cause);
    }

    static Stream<Arguments> mqtt5OnlyReasonCodes() {
        return Stream.of(
                Arguments.of(0x8A, "banned by the broker"),
                Arguments.of(0x8C, "the broker refused the authentication method"),
                Arguments.of(0x9A, "the broker has no retained messages: set waymark.mqtt.status-topic= (empty)"),
                Arguments.of(0x9B, "the broker does not support this QoS: lower waymark.mqtt.qos"));
    }

    @ParameterizedTest
    @MethodSource("mqtt5OnlyReasonCodes")
    void namesTheCauseOfMqtt5ReasonCodes(int code, String cause) {
        assertThat(MqttFailureCause.describe(new org.eclipse.paho.mqttv5.common.MqttException(code))).startsWith(cause);
    }

    @Test
    void pahoTimeoutMeansTheBrokerDidNotAnswer() {
        assertThat(MqttFailureCause.describe(new org.eclipse.paho.client.mqttv3.MqttException(32000)))
            .startsWith("the broker did not answer in time: check waymark.mqtt.url");
    }

    @Test
    void findsTheCauseInsidePahosWrapperAndListsEachMessageOnce() {
        var failure = new org.eclipse.paho.client.mqttv3.MqttException(32103, new ConnectException("Connection refused"));
        assertThat(MqttFailureCause.describe(failure)).isEqualTo(
                "the broker is unreachable: check waymark.mqtt.url and that the broker runs (Unable to connect to server: "
                        + "Connection refused)");
        var repeated = new IllegalStateException("boom", new IllegalStateException("boom", new RuntimeException()));
        assertThat(MqttFailureCause.describe(repeated)).isEqualTo("boom: RuntimeException");
    }

    @Test
    void anUnknownCauseIsReportedAsItsMessagesAlone() {
        assertThat(MqttFailureCause.describe(new org.eclipse.paho.mqttv5.common.MqttException(0x80)))
            .doesNotContain("(").isNotBlank();
        assertThat(MqttFailureCause.describe(new IllegalStateException("something else"))).isEqualTo("something else");
    }

    @Test
    void noFailureMeansTheConnectionWasLost() {
        assertThat(MqttFailureCause.describe(null)).isEqualTo("connection lost");
    }
}
