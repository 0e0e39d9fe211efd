package io.waymark.ingest.mqtt;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;

import javax.net.ssl.SSLException;

/**
 * Says in one line why Waymark's MQTT client could not connect, naming the setting to look at.
 * Paho reports causes as reason codes (MQTT 3.1.1 CONNACK return codes, MQTT 5 reason codes,
 * its own 32xxx codes) wrapping JDK network and TLS exceptions; this turns them into words.
 */
final class MqttFailureCause {

    private MqttFailureCause() {
    }

    static String describe(Throwable failure) {
        if (failure == null) {
            return "connection lost";
        }
        String detail = detail(failure);
        String cause = classify(failure);
        return cause == null ? detail : cause + " (" + detail + ")";
    }

    private static String classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof CertPathValidatorException || message.contains("pkix")
                    || message.contains("unable to find valid certification path")) {
                return "the broker's TLS certificate is not trusted: set waymark.mqtt.tls.ca to the CA that signed it";
            }
            if (message.contains("no subject alternative") || message.contains("no name matching")) {
                return "the broker's TLS certificate does not name the host in waymark.mqtt.url"
                        + " (or turn off waymark.mqtt.tls.verify-hostname)";
            }
            if (t instanceof SSLException && (message.contains("bad_certificate") || message.contains("unknown_ca")
                    || message.contains("certificate_required") || message.contains("certificate_unknown")
                    || message.contains("access_denied") || message.contains("decrypt_error"))) {
                return "the broker refused Waymark's TLS client certificate"
                        + " (waymark.mqtt.tls.certificate / waymark.mqtt.tls.key-store)";
            }
            if (t instanceof CertificateException) {
                return "the broker's TLS certificate was refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown broker host " + t.getMessage() + ": check waymark.mqtt.url";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "the broker is unreachable: check waymark.mqtt.url and that the broker runs";
            }
            if (t instanceof SocketTimeoutException) {
                return "the broker did not answer in time: check waymark.mqtt.url (host and port)";
            }
            String reason = reason(reasonCode(t));
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** CONNACK return codes (3.1.1) and reason codes (5) that name a cause, and Paho's timeout. */
    private static String reason(int code) {
        return switch (code) {
            case 1, 0x84 -> "the broker does not accept this MQTT version: check waymark.mqtt.protocol-version";
            case 2, 0x85 -> "the broker refused the client id: check waymark.mqtt.client-id (and the broker's policy)";
            case 3, 0x88, 0x89 -> "the broker is unavailable";
            case 4, 0x86 -> "bad user name or password: check waymark.mqtt.username and waymark.mqtt.password";
            case 5, 0x87 -> "not authorized: the broker refused Waymark's credentials or client id (check "
                    + "waymark.mqtt.username, waymark.mqtt.password, waymark.mqtt.client-id and the broker's ACL or policy)";
            case 0x8A -> "banned by the broker";
            case 0x8C -> "the broker refused the authentication method";
            case 0x9A -> "the broker has no retained messages: set waymark.mqtt.status-topic= (empty)";
            case 0x9B -> "the broker does not support this QoS: lower waymark.mqtt.qos";
            case 32000 -> "the broker did not answer in time: check waymark.mqtt.url (host and port)";
            default -> null;
        };
    }

    private static int reasonCode(Throwable t) {
        if (t instanceof org.eclipse.paho.client.mqttv3.MqttException v3) {
            return v3.getReasonCode();
        }
        if (t instanceof org.eclipse.paho.mqttv5.common.MqttException v5) {
            return v5.getReasonCode();
        }
        return -1;
    }

    /** The messages along the cause chain, each once. */
    static String detail(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }
}
