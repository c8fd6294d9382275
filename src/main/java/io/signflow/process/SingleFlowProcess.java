package io.signflow.process;

import io.signflow.flowgroup.FlowGroupDraft;
import io.signflow.flowgroup.FlowGroupService;
import io.signflow.quota.QuotaService;
import io.signflow.signing.SignerRegistry;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a contract of its own (CreateFlowByFiles) inside the request's transaction: the same records,
 * signers and quota charge the flow-group process's first steps make for a group, then sign-flow
 * directly, with no flow-group around it. A refusal anywhere (no quota, a failing step before the first
 * wait) rolls the whole request back.
 */
@Component
class SingleFlowProcess {

    public static final String PROCESS_KEY = "sign-flow";
    private final FlowGroupService groups;
    private final SignerRegistry signers;
    private final QuotaService quota;
    private final RuntimeService runtime;

    SingleFlowProcess(FlowGroupService groups, SignerRegistry signers, QuotaService quota, RuntimeService runtime) {
        this.groups = groups;
        this.signers = signers;
        this.quota = quota;
        this.runtime = runtime;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void start(FlowGroupDraft draft) {
        String flowId = draft.flows().get(0).id();
        groups.createSingle(draft);
        groups.createContracts(draft, signers.registerNamed(draft));
        quota.deduct(draft.organizationId(), List.of(flowId), draft.operatorUserId());
        // the contract's own group row stands in for a group wherever the steps record one (audit trail)
        runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(flowId)
                .setVariable(ProcessVariables.FLOW_ID, flowId)
                .setVariable(ProcessVariables.FLOW_GROUP_ID, draft.id())
                .execute();
    }
}
