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
        // a scan rather than String.split (a regex check and an array per message): the levels
        // are prefix / user / device [/ subtopic, the rest of the name]
        int prefixEnd = name.indexOf('/', name.startsWith("/") ? 1 : 0);
        int userEnd = prefixEnd < 0 ? -1 : name.indexOf('/', prefixEnd + 1);
        int deviceEnd = userEnd < 0 ? -1 : name.indexOf('/', userEnd + 1);
        int end = deviceEnd < 0 ? name.length() : deviceEnd;
        if (userEnd < 0 || userEnd == prefixEnd + 1 || end == userEnd + 1) {
            throw new InvalidMessageException(RejectionReason.BAD_TOPIC,
                    "topic '" + name + "' has fewer than three levels (expected <prefix>/<user>/<device>)");
        }
        String subtopic = deviceEnd < 0 || deviceEnd == name.length() - 1 ? null : name.substring(deviceEnd + 1);
        return new Topic(name.substring(prefixEnd + 1, userEnd), name.substring(userEnd + 1, end), subtopic);
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
