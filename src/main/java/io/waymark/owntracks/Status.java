package io.waymark.owntracks;

/** App and OS diagnostics; kept as the raw JSON since the fields differ by platform. */
public record Status(String json) implements OwnTracksMessage {

    @Override
    public String type() {
        return "status";
    }
}
