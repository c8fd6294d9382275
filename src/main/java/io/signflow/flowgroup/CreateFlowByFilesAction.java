package io.signflow.flowgroup;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateFlowByFiles: one contract from an uploaded PDF, checked by the rules of a group's
 * sub-contract, then started in the same transaction: its records, its quota unit and its sign-flow
 * up to the first wait commit together or not at all. With NeedPreview nothing is created: the answer
 * is a link to a read-only view of the contract as it would be.
 */
@Component
class CreateFlowByFilesAction implements ApiAction<CreateFlowByFilesRequest> {

    private final FlowGroupValidator validator;
    private final FlowProcesses processes;
    private final FlowPreviews previews;

    CreateFlowByFilesAction(FlowGroupValidator validator, FlowProcesses processes, FlowPreviews previews) {
        this.validator = validator;
        this.processes = processes;
        this.previews = previews;
    }

    @Override
    public String name() {
        return "CreateFlowByFiles";
    }

    @Override
    public boolean creates() {
        return true;
    }

    @Override
    public Class<CreateFlowByFilesRequest> requestType() {
        return CreateFlowByFilesRequest.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, CreateFlowByFilesRequest request) {
        FlowGroupDraft draft = validator.validateContract(caller, request.operator(), request.agent(),
                request.approverVerifyType(), request.contract());
        checkOwnFields(request);
        if (request.preview()) {
            return new CreateFlowByFilesRequest.Response(null, previews.previewUrl(draft), null);
        }
        processes.startFlow(draft);
        FlowGroupDraft.Flow flow = draft.flows().get(0);
        return new CreateFlowByFilesRequest.Response(flow.id(), null, flow.approvers().stream()
                .map(a -> new CreateFlowGroupByFilesRequest.ApproverItem(a.signId(), a.recipientId(), a.roleName()))
                .toList());
    }

    /** The fields a group's sub-contract does not have. */
    private static void checkOwnFields(CreateFlowByFilesRequest request) {
        if (request.previewType() != null && request.previewType() != 0 && request.previewType() != 1) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "PreviewType must be 0 or 1.");
        }
        if (request.ccNotifyType() != null && request.ccNotifyType() != 0 && request.ccNotifyType() != 1) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "CcNotifyType must be 0 or 1.");
        }
        if (request.signBeanTag() != null && request.signBeanTag() != 0) {
            throw new ApiException(request.signBeanTag() == 1 ? ErrorCodes.UNSUPPORTED_OPERATION : ErrorCodes.PARAM_ERROR,
                    "SignBeanTag " + request.signBeanTag() + ": signers sign the controls placed at creation (0); "
                            + "placing their own (1) is not offered.");
        }
        if (Boolean.TRUE.equals(request.openDynamicSignFlow())) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, "OpenDynamicSignFlow: adding signers while a "
                    + "contract is signed is not offered; name dynamic signers (FillType 1) with CreateFlowApprovers.");
        }
    }
}
