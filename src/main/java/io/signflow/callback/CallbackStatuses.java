package io.signflow.callback;

/** The show-status strings ESS puts beside each status number in callbacks (reference section 4). */
final class CallbackStatuses {

    private CallbackStatuses() {
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
}
