package io.waymark.ingest.mqtt;

import java.time.Duration;

/**
 * Waits for a place in Paho's in-flight window instead of failing. Paho refuses a QoS 1 or 2
 * publish while the window is full ("Too many publishes in progress", reason code 32202): with
 * MQTT 3.1.1 the window is the client's (10 by default), with MQTT 5 the broker's Receive Maximum.
 * Paho 1.2.5 wakes {@code waitForCompletion()} on the PUBACK but counts the publish out of the
 * window later, on its callback thread (which, with MQTT 5, also delivers the subscription's
 * messages to ingestion), so even publishing one at a time can find the window full for a while.
 * A command or a friend's location is worth that wait; other failures are not retried.
 */
final class InFlightWindow {

    /** Paho's {@code REASON_CODE_MAX_INFLIGHT}, the same in its MQTT 3.1.1 and 5 clients. */
    static final int FULL = 32202;

    private static final long PAUSE_MILLIS = 5;

    /** A Paho call that may find the window full. */
    @FunctionalInterface
    interface PahoCall<T> {

        T call() throws org.eclipse.paho.client.mqttv3.MqttException, org.eclipse.paho.mqttv5.common.MqttException;
    }

    private InFlightWindow() {
    }

    /**
     * Makes the call, again every few milliseconds while the window is full, until {@code patience}
     * has passed; then the last refusal is thrown.
     */
    static <T> T whenOpen(PahoCall<T> publish, Duration patience) throws InterruptedException,
            org.eclipse.paho.client.mqttv3.MqttException, org.eclipse.paho.mqttv5.common.MqttException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return publish.call();
            }
            catch (org.eclipse.paho.client.mqttv3.MqttException ex) {
                if (ex.getReasonCode() != FULL || System.nanoTime() - deadline >= 0) {
                    throw ex;
                }
            }
            catch (org.eclipse.paho.mqttv5.common.MqttException ex) {
                if (ex.getReasonCode() != FULL || System.nanoTime() - deadline >= 0) {
                    throw ex;
                }
            }
            Thread.sleep(PAUSE_MILLIS);
        }
    }
}
