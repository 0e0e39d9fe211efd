package io.waymark.ingest.mqtt;

import org.springframework.integration.mqtt.inbound.Mqttv5PahoMessageDrivenChannelAdapter;

/**
 * Spring Integration's MQTT 5 inbound adapter, which connects its client (through the
 * {@link MqttV5ClientManager}) only once it is ready for messages.
 * <p>
 * A client manager normally connects on its own, before the adapters using it start; a
 * persistent session delivers its backlog right after CONNACK, and messages arriving before the
 * adapter has registered for them would reach nobody. So the manager does not start by itself:
 * the adapter starts it after registering, and stops it.
 */
class MqttV5InboundAdapter extends Mqttv5PahoMessageDrivenChannelAdapter {

    private final MqttV5ClientManager manager;

    MqttV5InboundAdapter(MqttV5ClientManager manager, String... topics) {
        super(manager, topics);
        this.manager = manager;
    }

    @Override
    protected void doStart() {
        super.doStart();
        manager.start();
    }

    @Override
    protected void doStop() {
        super.doStop();
        manager.stop();
    }
}
