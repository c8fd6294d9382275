package io.signflow.evidence;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;

/** ESS's words for a report's state, and the one ReportType Signflow produces. */
final class EvidenceStatus {

    static final String EXECUTING = "EvidenceStatusExecuting";
    static final String SUCCESS = "EvidenceStatusSuccess";
    static final String FAILED = "EvidenceStatusFailed";

    private EvidenceStatus() {
    }

    /** ReportType 0 (or absent) is the signing report; 1, a notary office's verification, needs a notary. */
    static void requireSigningReport(Long reportType) {
        if (reportType == null || reportType == 0) {
            return;
        }
        if (reportType == 1) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION,
                    "ReportType 1 (a notary office's verification report) is not offered; use 0, the signing report.");
        }
        throw new ApiException(ErrorCodes.INVALID_PARAMETER, "ReportType must be 0 (the signing report).");
    }
}
