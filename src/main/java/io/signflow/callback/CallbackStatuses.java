package io.signflow.callback;

import io.signflow.flowgroup.FlowStatus;

/** The status numbers and show-status strings of callbacks (reference section 4). */
final class CallbackStatuses {

    /** ESS's "to fill" (待填写), which its callbacks report as INIT. */
    static final int FLOW_TO_FILL = 8;

    private CallbackStatuses() {
    }

    /**
     * The FlowCallbackStatus of a FlowStatus. A contract waiting for its dynamic signers is 0 in the API,
     * ESS's "not started" that never appears in a callback; callbacks report it as ESS reports a contract
     * waiting to be filled: 8, INIT.
     */
    static int flowCallbackStatus(int flowStatus) {
        return flowStatus == FlowStatus.AWAITING_FILL ? FLOW_TO_FILL : flowStatus;
    }

    static String flow(int status) {
        return switch (status) {
            case 1, 8 -> "INIT";
            case 2 -> "PART";
            case 3 -> "REJECT";
            case 4 -> "ALL";
            case 5 -> "DEADLINE";
            case 6 -> "CANCEL";
            case 16 -> "INVALID";
            case 21 -> "RELIEVED";
            default -> "";
        };
    }

    static String approver(int status) {
        return switch (status) {
            case 2, 7 -> "PENDING";
            case 3 -> "ACCEPT";
            case 4 -> "REJECT";
            case 5 -> "DEADLINE";
            case 6 -> "CANCEL";
            case 8 -> "FILLPENDING";
            case 9 -> "STOP";
            case 10 -> "FILLACCEPT";
            case 15 -> "RELIEVED";
            case 19 -> "FORWARD";
            default -> "";
        };
    }

    /** The description ESS gives beside ApproverIdCardType; empty when no card was named. */
    static String idCardTypeDesc(String type) {
        return switch (type == null ? "" : type) {
            case "ID_CARD" -> "中国大陆居民身份证";
            case "HONGKONG_AND_MACAO" -> "港澳居民来往内地通行证";
            case "HONGKONG_MACAO_AND_TAIWAN" -> "港澳台居民居住证";
            case "OTHER_CARD_TYPE" -> "其他证件";
            default -> "";
        };
    }
}
