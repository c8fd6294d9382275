package io.signflow.config;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * There is no default admin password: when SIGNFLOW_ADMIN_PASSWORD is not set, a random one is made
 * for this run and printed once in the log, the way Spring Boot does for its own generated user.
 */
public class AdminPasswordDefault implements EnvironmentPostProcessor {

    private final Log log;

    public AdminPasswordDefault(DeferredLogFactory logs) {
        this.log = logs.getLog(AdminPasswordDefault.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("signflow.admin.password");
        if (configured != null && !configured.isBlank()) {
            return;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        environment.getPropertySources().addFirst(new MapPropertySource("generatedAdminPassword",
                Map.of("signflow.admin.password", generated)));
        log.warn("SIGNFLOW_ADMIN_PASSWORD is not set. Admin login for this run: "
                + environment.getProperty("signflow.admin.user", "admin") + " / " + generated);
    }
}
