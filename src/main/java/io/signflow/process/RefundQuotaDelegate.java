package io.signflow.process;

import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.quota.QuotaService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * sign-flow: a contract being cancelled gives its quota unit back when QuotaRefundPolicy says so. The
 * step runs before "End as cancelled", so it reads the status the contract had when CancelFlow came.
 */
@Component
class RefundQuotaDelegate implements JavaDelegate {

    private final FlowGroupRepository groups;
    private final FlowProgress progress;
    private final QuotaService quota;

    public RefundQuotaDelegate(FlowGroupRepository groups, FlowProgress progress, QuotaService quota) {
        this.groups = groups;
        this.progress = progress;
        this.quota = quota;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String flowId = ProcessVariables.flowId(execution);
        FlowGroupSummary group = groups.find(ProcessVariables.groupId(execution)).orElseThrow();
        quota.refundIfAllowed(group.organizationId(), flowId, progress.status(flowId), progress.anyPersonSigned(flowId));
    }
}
