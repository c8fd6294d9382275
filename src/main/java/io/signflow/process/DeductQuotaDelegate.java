package io.signflow.process;

import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.quota.QuotaService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** flow-group: one unit of the initiating organization's contract quota per sub-contract, all or nothing. */
@Component
class DeductQuotaDelegate implements JavaDelegate {

    private final FlowGroupRepository groups;
    private final QuotaService quota;

    public DeductQuotaDelegate(FlowGroupRepository groups, QuotaService quota) {
        this.groups = groups;
        this.quota = quota;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String groupId = ProcessVariables.groupId(execution);
        FlowGroupSummary group = groups.find(groupId).orElseThrow();
        quota.deduct(group.organizationId(), groups.flowIds(groupId), group.operatorUserId());
    }
}
