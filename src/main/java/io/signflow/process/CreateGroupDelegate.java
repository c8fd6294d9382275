package io.signflow.process;

import io.signflow.api.ApiException;
import io.signflow.flowgroup.EngineStartedGroups;
import io.signflow.flowgroup.FlowGroupDraft;
import io.signflow.flowgroup.FlowGroupService;
import io.signflow.quota.QuotaService;
import io.signflow.signing.SignerRegistry;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * flow-group: persists the validated request and its signers. From CreateFlowGroupByFiles the request
 * is handed over by the creating request's transaction. Started by the engine instead (REST, a call
 * activity), the instance carries the request in variables: it is validated here as the API would,
 * and the quota checked, before anything is written; a refusal is a BPMN error whose code is the API's
 * (the calling process catches it) or, with no calling process, a refused start.
 */
@Component
class CreateGroupDelegate implements JavaDelegate {

    private final FlowGroupService groups;
    private final SignerRegistry signers;
    private final DraftHandoff handoff;
    private final EngineStartedGroups engineStarted;
    private final QuotaService quota;

    CreateGroupDelegate(FlowGroupService groups, SignerRegistry signers, DraftHandoff handoff,
                        EngineStartedGroups engineStarted, QuotaService quota) {
        this.groups = groups;
        this.signers = signers;
        this.handoff = handoff;
        this.engineStarted = engineStarted;
        this.quota = quota;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String groupId = ProcessVariables.groupId(execution);
        FlowGroupDraft draft = groupId != null ? handoff.take(groupId) : fromVariables(execution);
        groups.create(draft);
        groups.createContracts(draft, signers.registerNamed(draft));
    }

    private FlowGroupDraft fromVariables(DelegateExecution execution) {
        FlowGroupDraft draft;
        try {
            draft = engineStarted.validate((String) execution.getVariable(ProcessVariables.ORGANIZATION_ID),
                    (String) execution.getVariable(ProcessVariables.OPERATOR_USER_ID), requestBody(execution));
            // the charge refuses only as the transaction commits, where no calling process can catch it
            quota.requireAvailable(draft.organizationId(), draft.flows().size());
        } catch (ApiException refused) {
            if (execution.getProcessInstance().getSuperExecution() != null) {
                throw new BpmnError(refused.code(), refused.getMessage());
            }
            throw new BadUserRequestException(refused.code() + ": " + refused.getMessage());
        }
        // the request holds signers' names and numbers; the instance keeps ids only, as every other does
        execution.removeVariable(ProcessVariables.FLOW_GROUP_REQUEST);
        execution.setProcessBusinessKey(draft.id());
        execution.setVariable(ProcessVariables.FLOW_GROUP_ID, draft.id());
        return draft;
    }

    private static String requestBody(DelegateExecution execution) {
        Object body = execution.getVariable(ProcessVariables.FLOW_GROUP_REQUEST);
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) body;
    }
}
