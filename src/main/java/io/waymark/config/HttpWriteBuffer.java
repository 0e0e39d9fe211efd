package io.waymark.config;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's socket write buffer at 64 KB instead of 8: Tomcat hands a response to the socket in
 * chunks of that buffer, one system call each, so the device list (~620 KB with 1,300 devices)
 * went out in ~80 writes and now in ~10. Under ingest load its median fell from 2.0 to 1.35 ms
 * (docs/PERFORMANCE.md). The buffer is per open connection, on the heap; with a heap under 2 GB
 * Tomcat keeps none of a closed connection's ({@code SocketProperties.getActualBufferPool}).
 */
@Component
class HttpWriteBuffer implements TomcatConnectorCustomizer {

    static final int BYTES = 64 * 1024;

    @Override
    public void customize(Connector connector) {
        if (!connector.setProperty("socket.appWriteBufSize", Integer.toString(BYTES))) {
            throw new IllegalStateException("Tomcat's connector has no socket.appWriteBufSize");
        }
    }
}
