package io.waymark.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The import command's arguments: {@code --user U --device D [--format F] FILE...} or
 * {@code --recorder-store DIR}. Options of the form {@code --name.with.dots=value} are Spring
 * properties ({@code --spring.datasource.url=...}) and go to the application.
 */
record ImportArguments(String user, String device, ImportFormat format, List<Path> files, Path recorderStore,
        List<String> springArguments) {

    static final String USAGE = """
            usage: java -jar waymark.jar import --user USER --device DEVICE [--format rec|gpx|geojson] FILE...
                   java -jar waymark.jar import --recorder-store DIR   (imports DIR/rec/<user>/<device>/*.rec)
            Spring properties may follow, e.g. --spring.datasource.url=jdbc:postgresql://localhost/waymark
            """;

    static ImportArguments parse(List<String> args) {
        String user = null;
        String device = null;
        ImportFormat format = null;
        Path store = null;
        List<Path> files = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--user" -> user = inline != null ? inline : value(args, ++i, name);
                case "--device" -> device = inline != null ? inline : value(args, ++i, name);
                case "--recorder-store" -> store = Path.of(inline != null ? inline : value(args, ++i, name));
                case "--format" -> {
                    String text = inline != null ? inline : value(args, ++i, name);
                    format = ImportFormat.named(text);
                    if (format == null) {
                        throw new IllegalArgumentException("--format must be rec, gpx or geojson, got '" + text + "'");
                    }
                }
                default -> {
                    if (arg.startsWith("--") && inline != null && name.contains(".")) {
                        spring.add(arg);
                    }
                    else if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    else {
                        files.add(Path.of(arg));
                    }
                }
            }
        }
        if (store != null && (user != null || device != null || !files.isEmpty())) {
            throw new IllegalArgumentException("--recorder-store takes no --user, --device or files");
        }
        if (store == null && (user == null || device == null || files.isEmpty())) {
            throw new IllegalArgumentException("give --user, --device and at least one file, or --recorder-store");
        }
        return new ImportArguments(user, device, format, List.copyOf(files), store, List.copyOf(spring));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
