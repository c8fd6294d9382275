package io.signflow.config;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Keeps the Camunda webapp login in step with SIGNFLOW_ADMIN_PASSWORD. The starter creates the admin
 * user only once; without this, changing the variable would change the admin API's password but not
 * Cockpit's.
 */
@Component
class AdminUserSync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminUserSync.class);
    private final IdentityService identity;
    private final String user;
    private final String password;

    public AdminUserSync(IdentityService identity, @Value("${signflow.admin.user}") String user,
                         @Value("${signflow.admin.password}") String password) {
        this.identity = identity;
        this.user = user;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        User admin = identity.createUserQuery().userId(user).singleResult();
        if (admin != null && !identity.checkPassword(user, password)) {
            admin.setPassword(password);
            identity.saveUser(admin);
            log.info("Updated the Camunda webapp password of {} from SIGNFLOW_ADMIN_PASSWORD", user);
        }
    }
}
