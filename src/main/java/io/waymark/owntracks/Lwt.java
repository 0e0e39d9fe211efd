package io.waymark.owntracks;

/**
 * The app's MQTT Last Will, published by the broker when the app's connection died.
 * {@code tst} is when that connection started (iOS); Android sends none, so it may be null.
 */
public record Lwt(Long tst) implements OwnTracksMessage {

    @Override
    public String type() {
        return "lwt";
    }
}
