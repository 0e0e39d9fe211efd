package io.waymark;

import java.util.Arrays;

import io.waymark.transfer.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Waymark: an OwnTracks-compatible location and presence backend. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WaymarkApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            // the command-line importer: its own short-lived, non-web application
            System.exit(ImportCommand.run(WaymarkApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(WaymarkApplication.class, args);
    }
}
