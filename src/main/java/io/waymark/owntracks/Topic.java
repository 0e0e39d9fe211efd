package io.waymark.owntracks;

/**
 * An OwnTracks topic: {@code <prefix>/<user>/<device>[/<subtopic>...]}. The prefix is usually
 * {@code owntracks} but is configurable in the apps; a leading {@code /} is tolerated.
 *
 * @param subtopic the levels after the device ({@code event}, {@code info}, {@code cmd}, ...), or null
 */
public record Topic(String user, String device, String subtopic) {

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
        return new Topic(levels[1], levels[2], subtopic);
    }

    /**
     * {@code parse(name).isCommand()} without splitting the topic unless it ends in {@code /cmd}:
     * asked for every message by several modules.
     */
    public static boolean isCommand(String name) {
        if (name != null && !name.endsWith("/cmd")) {
            return false;
        }
        return parse(name).isCommand();
    }

    /**
     * Whether this is a device's command topic ({@code .../cmd}): what arrives there is sent
     * <em>to</em> the device by someone else, so it says nothing about the device itself.
     */
    public boolean isCommand() {
        return "cmd".equals(subtopic);
    }
}
