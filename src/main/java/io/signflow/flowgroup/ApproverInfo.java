package io.signflow.flowgroup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A signer of one sub-contract (ApproverInfo); array order is signing order. */
record ApproverInfo(
        @NotNull Long approverType,
        String approverName,
        String approverMobile,
        String organizationName,
        List<@NotNull @Valid ComponentInfo> signComponents,
        String approverIdCardType,
        String approverIdCardNumber,
        String notifyType,
        Long approverRole,
        String approverRoleName,
        List<String> verifyChannel,
        Long preReadTime,
        String userId,
        String approverSource,
        String customApproverTag,
        ApproverOption approverOption,
        List<Long> approverVerifyTypes,
        List<Long> approverSignTypes,
        Boolean approverNeedSignReview,
        List<Object> addSignComponentsLimits,
        String signInstructionContent,
        Long deadline,
        List<@NotNull @Valid ComponentInfo> components,
        List<String> signEndpoints,
        Object registerInfo,
        Boolean notSaveContact,
        String approverEmail) {

    public record ApproverOption(Boolean noRefuse, Boolean noTransfer, Boolean canEditApprover, Long fillType,
                                 String flowReadLimit, Boolean forbidAddSignDate, String approverMobileMode,
                                 Boolean forbidModifySealInfos) {
    }

    public boolean isDynamic() {
        return approverOption != null && approverOption.fillType() != null && approverOption.fillType() == 1L;
    }
}
