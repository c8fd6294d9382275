package io.signflow.flowgroup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** One sub-contract of a group: a PDF, its signers and the initiator's fill controls. */
record FlowGroupInfo(
        @NotNull String flowName,
        List<@NotNull @Valid ApproverInfo> approvers,
        List<String> fileIds,
        String templateId,
        String flowType,
        String flowDescription,
        Long deadline,
        String callbackUrl,
        String userData,
        Boolean unordered,
        List<@NotNull @Valid ComponentInfo> components,
        Boolean needSignReview,
        String autoSignScene,
        Long flowDisplayType,
        List<@NotNull CcInfo> ccInfos,
        Long ccNotifyType) {
}
