package io.waymark.brokerauth;

/**
 * The user level of a topic or topic filter: its second level ({@code <prefix>/<user>/<device>...},
 * whatever the prefix). The one place the ACL reads a topic.
 */
final class TopicUser {

    private static final String SHARED = "$share/";

    private TopicUser() {
    }

    /** The second level of {@code topic}; null when it has fewer than two levels. */
    static String of(String topic) {
        int first = topic.indexOf('/');
        if (first < 0) {
            return null;
        }
        int second = topic.indexOf('/', first + 1);
        return second < 0 ? topic.substring(first + 1) : topic.substring(first + 1, second);
    }

    /**
     * The user level of a subscription's filter ({@code $share/<group>/} taken off first): a name,
     * {@code +} or {@code #} (a wildcard: any user), or null when the filter has no user level
     * ({@code #} alone counts as a wildcard at it).
     */
    static String ofFilter(String filter) {
        String plain = filter.startsWith(SHARED) && filter.indexOf('/', SHARED.length()) > 0
                ? filter.substring(filter.indexOf('/', SHARED.length()) + 1) : filter;
        if (plain.equals("#")) {
            return "#";
        }
        return of(plain);
    }

    static boolean isWildcard(String level) {
        return "+".equals(level) || "#".equals(level);
    }
}
