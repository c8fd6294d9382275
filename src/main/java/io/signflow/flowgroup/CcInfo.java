package io.signflow.flowgroup;

/**
 * A copied party of one sub-contract (抄送方), as newer SDKs send it in FlowGroupInfo.CcInfos.
 * OrganizationName is ESS's allow-listed "company only" copy, which Signflow does not offer.
 */
record CcInfo(String mobile, String name, Long ccType, Long ccPermission, String notifyType, String organizationName) {
}
