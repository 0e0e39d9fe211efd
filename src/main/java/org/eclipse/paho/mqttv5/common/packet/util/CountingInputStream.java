package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.InputStream;

/**
 * Waymark's replacement for Paho 1.2.5's class of the same name in its MQTT 5 client, which,
 * like its MQTT 3.1.1 twin, reads only one byte at a time: the bulk-reading one of the MQTT
 * 3.1.1 client, under the name the MQTT 5 client links to (see there).
 */
public class CountingInputStream extends org.eclipse.paho.client.mqttv3.internal.wire.CountingInputStream {

    public CountingInputStream(InputStream in) {
        super(in);
    }
}
