package io.waymark.recorder;

/**
 * Geohash of a position, which the Recorder adds to every location as {@code ghash}
 * (seven characters: about 150 m, the precision of its reverse-geocoding cache).
 */
final class Geohash {

    static final int PRECISION = 7;

    private static final char[] BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz".toCharArray();

    private Geohash() {
    }

    static String encode(double lat, double lon, int precision) {
        double[] latRange = { -90, 90 };
        double[] lonRange = { -180, 180 };
        StringBuilder hash = new StringBuilder(precision);
        boolean lonBit = true;
        int bits = 0;
        int value = 0;
        while (hash.length() < precision) {
            double[] range = lonBit ? lonRange : latRange;
            double coordinate = lonBit ? lon : lat;
            double mid = (range[0] + range[1]) / 2;
            value <<= 1;
            if (coordinate >= mid) {
                value |= 1;
                range[0] = mid;
            }
            else {
                range[1] = mid;
            }
            lonBit = !lonBit;
            if (++bits == 5) {
                hash.append(BASE32[value]);
                bits = 0;
                value = 0;
            }
        }
        return hash.toString();
    }
}
