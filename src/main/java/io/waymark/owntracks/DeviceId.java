package io.waymark.owntracks;

/** A device as OwnTracks names it: {@code <user>/<device>}. */
public record DeviceId(String user, String device) {

    public static DeviceId of(Topic topic) {
        return new DeviceId(topic.user(), topic.device());
    }

    /** The tracker id the apps use when none is set: the last two characters of the device name. */
    public String defaultTid() {
        return device.length() <= 2 ? device : device.substring(device.length() - 2);
    }

    @Override
    public String toString() {
        return user + "/" + device;
    }
}
