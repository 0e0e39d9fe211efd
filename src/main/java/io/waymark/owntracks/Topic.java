package io.waymark.owntracks;

/**
 * An OwnTracks topic: {@code <prefix>/<user>/<device>[/<subtopic>...]}. The prefix is usually
 * {@code owntracks} but is configurable in the apps; a leading {@code /} is tolerated.
 *
 * @param name the topic as received
 * @param subtopic the levels after the device ({@code event}, {@code info}, ...), or null
 */
public record Topic(String name, String user, String device, String subtopic) {

    /** The device's base topic, {@code <prefix>/<user>/<device>}, without any sub-topic. */
    public static Topic parse(String name) {
        if (name == null) {
            throw new InvalidMessageException(RejectionReason.BAD_TOPIC, "no topic");
        }
        String path = name.startsWith("/") ? name.substring(1) : name;
        String[] levels = path.split("/", 4);
        if (levels.length < 3 || levels[1].isEmpty() || levels[2].isEmpty()) {
            throw new InvalidMessageException(RejectionReason.BAD_TOPIC,
                    "topic '" + name + "' has fewer than three levels (expected <prefix>/<user>/<device>)");
        }
        String subtopic = levels.length == 4 && !levels[3].isEmpty() ? levels[3] : null;
        return new Topic(name, levels[1], levels[2], subtopic);
    }

    /** The default tracker id the apps use: the last two characters of the device name. */
    public String defaultTid() {
        return device.length() <= 2 ? device : device.substring(device.length() - 2);
    }
}
