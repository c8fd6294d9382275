package io.signflow.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Engine users other than the admin, as an operator would make them in Camunda Admin: no group, no grants. */
public final class EngineUsers {

    public static final String BYSTANDER = "bystander";
    public static final String BYSTANDER_PASSWORD = "bystander-password";

    private EngineUsers() {
    }

    /** Makes sure the bystander exists (the application is shared between tests). */
    public static void ensureBystander(IdentityService identity) {
        synchronized (EngineUsers.class) {
            if (identity.createUserQuery().userId(BYSTANDER).count() == 0) {
                User user = identity.newUser(BYSTANDER);
                user.setPassword(BYSTANDER_PASSWORD);
                identity.saveUser(user);
            }
        }
    }
}
