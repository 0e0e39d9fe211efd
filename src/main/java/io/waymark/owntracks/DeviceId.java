package io.waymark.owntracks;

/** A device as OwnTracks names it: {@code <user>/<device>}. */
public record DeviceId(String user, String device) {

    public static DeviceId of(Topic topic) {
        return new DeviceId(topic.user(), topic.device());
    }

    @Override
    public String toString() {
        return user + "/" + device;
    }
}
