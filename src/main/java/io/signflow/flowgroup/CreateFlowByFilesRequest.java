package io.signflow.flowgroup;

import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * CreateFlowByFiles, field for field as SDK 3.1.1200 sends it, plus CallbackUrl, which older SDKs
 * send. A contract of its own: the fields it shares with a group's sub-contract mean the same and
 * are checked by the same rules ({@link #contract()}).
 */
public record CreateFlowByFilesRequest(
        @NotNull @Valid UserInfo operator,
        @NotNull String flowName,
        List<@NotNull @Valid ApproverInfo> approvers,
        List<String> fileIds,
        String flowDescription,
        String flowType,
        List<@NotNull @Valid ComponentInfo> components,
        List<@NotNull CcInfo> ccInfos,
        Long ccNotifyType,
        Boolean needPreview,
        Long previewType,
        Long deadline,
        Boolean unordered,
        String userData,
        Long remindedOn,
        String approverVerifyType,
        Long signBeanTag,
        String customShowMap,
        Agent agent,
        String autoSignScene,
        Boolean needSignReview,
        Long flowDisplayType,
        Boolean openDynamicSignFlow,
        String callbackUrl) {

    /** The contract as a group's sub-contract would describe it, for the rules both share. */
    FlowGroupInfo contract() {
        return new FlowGroupInfo(flowName, approvers, fileIds, null, flowType, flowDescription, deadline, callbackUrl,
                userData, unordered, components, needSignReview, autoSignScene, flowDisplayType, ccInfos,
                ccNotifyType);
    }

    boolean preview() {
        return Boolean.TRUE.equals(needPreview);
    }

    /** FlowId and Approvers for a created contract; PreviewUrl alone for a preview. */
    public record Response(String flowId, String previewUrl, List<CreateFlowGroupByFilesRequest.ApproverItem> approvers) {
    }
}
