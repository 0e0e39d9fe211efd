package io.waymark.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first start (no users yet) creates {@code admin}, with {@code waymark.security.admin-password}
 * or a random password logged once, so that {@code ./mvnw spring-boot:run} is still all it takes.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserStore users;

    private final PasswordEncoder encoder;

    private final SecurityProperties properties;

    FirstAdmin(UserStore users, PasswordEncoder encoder, SecurityProperties properties) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? TokenHash.randomText(15) : configured;
        if (!users.create(USERNAME, encoder.encode(password), Role.ADMIN)) {
            return; // another instance on the same database was first
        }
        if (generated) {
            log.warn("Created the first user '{}' with the generated password: {}  (shown only now; change it with"
                    + " PUT /api/v1/users/{}/password)", USERNAME, password, USERNAME);
        }
        else {
            log.info("Created the first user '{}' with the password of waymark.security.admin-password", USERNAME);
        }
    }
}
