package io.signflow.flowgroup;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateFlowGroupByFiles: validate the whole request, then start the flow-group process in the same
 * transaction. The process creates the group, deducts quota and runs every sub-contract to its first
 * wait; if any of that fails, the transaction rolls back and nothing of the request remains.
 */
@Component
class CreateFlowGroupByFilesAction implements ApiAction<CreateFlowGroupByFilesRequest> {

    private final FlowGroupValidator validator;
    private final FlowProcesses processes;

    public CreateFlowGroupByFilesAction(FlowGroupValidator validator, FlowProcesses processes) {
        this.validator = validator;
        this.processes = processes;
    }

    @Override
    public boolean creates() {
        return true;
    }

    @Override
    public String name() {
        return "CreateFlowGroupByFiles";
    }

    @Override
    public Class<CreateFlowGroupByFilesRequest> requestType() {
        return CreateFlowGroupByFilesRequest.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, CreateFlowGroupByFilesRequest request) {
        FlowGroupDraft draft = validator.validate(caller, request);
        processes.startGroup(draft);
        return new CreateFlowGroupByFilesRequest.Response(draft.id(),
                draft.flows().stream().map(FlowGroupDraft.Flow::id).toList(),
                draft.flows().stream().map(flow -> new CreateFlowGroupByFilesRequest.FlowGroupApprovers(flow.id(),
                        flow.approvers().stream().map(a -> new CreateFlowGroupByFilesRequest.ApproverItem(a.signId(),
                                a.recipientId(), a.roleName())).toList())).toList());
    }
}
