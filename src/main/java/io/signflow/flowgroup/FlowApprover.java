package io.signflow.flowgroup;

/** An approver as the lifecycle sees it. */
public record FlowApprover(String recipientId, String signId, String flowId, int signOrder, int approverType,
                           boolean dynamic, String organizationName, String name, String mobile, String notifyType,
                           String signerId, int status) {

    public ApproverType type() {
        return ApproverType.ofCode(approverType);
    }

    FlowApprover withStatus(int newStatus) {
        return new FlowApprover(recipientId, signId, flowId, signOrder, approverType, dynamic, organizationName, name,
                mobile, notifyType, signerId, newStatus);
    }

    FlowApprover withSigner(String newSignerId) {
        return new FlowApprover(recipientId, signId, flowId, signOrder, approverType, dynamic, organizationName, name,
                mobile, notifyType, newSignerId, status);
    }
}
