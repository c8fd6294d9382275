package io.signflow.quota;

import io.signflow.tenant.OrganizationCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every organization gets its quota account when it is created, in the creating transaction. */
@Component
class OrganizationAccountOpener {

    private final QuotaService quota;

    OrganizationAccountOpener(QuotaService quota) {
        this.quota = quota;
    }

    @EventListener
    void open(OrganizationCreated created) {
        quota.openAccount(created.organizationId(), created.initialQuota());
    }
}
