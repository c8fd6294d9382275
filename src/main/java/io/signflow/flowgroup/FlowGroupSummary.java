package io.signflow.flowgroup;

/** A group's own settings, as the lifecycle needs them. */
public record FlowGroupSummary(String id, String name, String organizationId, String organizationName,
                               String operatorUserId, String approverVerifyType, String selfNotifyType,
                               String otherNotifyType, String status) {
}
