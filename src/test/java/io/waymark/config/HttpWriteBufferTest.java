package io.waymark.config;

import io.waymark.support.EmbeddedWaymarkTest;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class HttpWriteBufferTest extends EmbeddedWaymarkTest {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theRunningConnectorWritesInChunksOf64Kilobytes() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString(Integer.toString(HttpWriteBuffer.BYTES));
    }
}
