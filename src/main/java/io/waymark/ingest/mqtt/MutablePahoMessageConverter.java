package io.waymark.ingest.mqtt;

import org.springframework.integration.mqtt.support.DefaultPahoMessageConverter;
import org.springframework.integration.support.MessageBuilderFactory;
import org.springframework.integration.support.MutableMessageBuilderFactory;

/**
 * Spring Integration's Paho converter (payload as bytes, the same headers), building a mutable
 * message. The adapter adds the ack to the converter's builder and builds it, and the default
 * builder copied the header map into two more on the way: ~1 KB per message, 8% of what
 * ingestion through an external broker allocates (docs/PERFORMANCE.md). The message goes no
 * further than the ingestion flow's first step, which reads its headers once.
 */
final class MutablePahoMessageConverter extends DefaultPahoMessageConverter {

    private static final MessageBuilderFactory MUTABLE = new MutableMessageBuilderFactory();

    MutablePahoMessageConverter() {
        setPayloadAsBytes(true);
    }

    @Override
    protected MessageBuilderFactory getMessageBuilderFactory() {
        return MUTABLE;
    }
}
