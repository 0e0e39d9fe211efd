package io.waymark.owntracks;

/** A person's display card: name, tracker id and a base64 avatar ({@code face}). */
public record Card(String name, String tid, String face) implements OwnTracksMessage {

    @Override
    public String type() {
        return "card";
    }
}
