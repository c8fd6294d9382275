package io.signflow.flowgroup;

import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** CreateFlowGroupByFiles, field for field as SDK 3.1.1200 sends it, plus UserFlowType from newer docs. */
public record CreateFlowGroupByFilesRequest(
        @NotNull @Valid UserInfo operator,
        @NotNull String flowGroupName,
        @NotNull List<@NotNull @Valid FlowGroupInfo> flowGroupInfos,
        Agent agent,
        FlowGroupOptions flowGroupOptions,
        UserFlowType userFlowType) {

    /** Newer docs: a contract type for all sub-contracts. Accepted and ignored. */
    public record UserFlowType(String userFlowTypeId, String name, String description) {
    }

    public record FlowGroupOptions(String approverVerifyType, String selfOrganizationApproverNotifyType,
                                   String otherApproverNotifyType, Boolean flowGroupNeedWorkflow,
                                   Boolean noEditFlowName, Boolean noEditFlowType, Boolean noEditDeadline,
                                   Object signComponentConfig, Boolean forbidEditWatermark,
                                   Boolean hideSignCodeAfterStart, Boolean signAfterStart, Boolean previewAfterStart) {
    }

    public record Response(String flowGroupId, List<String> flowIds, List<FlowGroupApprovers> approvers) {
    }

    public record FlowGroupApprovers(String flowId, List<ApproverItem> approvers) {
    }

    public record ApproverItem(String signId, String recipientId, String approverRoleName) {
    }
}
