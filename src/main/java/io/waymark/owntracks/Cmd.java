package io.waymark.owntracks;

/** A command addressed to a device, such as {@code reportLocation}. */
public record Cmd(String action) implements OwnTracksMessage {

    @Override
    public String type() {
        return "cmd";
    }
}
