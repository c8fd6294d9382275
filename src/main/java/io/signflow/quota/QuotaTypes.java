package io.signflow.quota;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import java.util.List;

/**
 * The QuotaType values ESS knows. Signflow sells two of them, the contract quota (CloudEnterprise)
 * and the evidence-report quota (CloudProve); asking for another kind is valid and finds nothing.
 */
public final class QuotaTypes {

    /** The kinds Signflow keeps accounts of, the contract quota first. */
    public static final List<String> OFFERED = List.of(QuotaService.QUOTA_TYPE, QuotaService.EVIDENCE_QUOTA_TYPE);

    static final List<String> ALL = List.of(QuotaService.QUOTA_TYPE, "SingleSignature", QuotaService.EVIDENCE_QUOTA_TYPE,
            "CloudOnlineSign", "ChannelWeCard", "SignFlow", "SignFace", "SignPassword", "SignSMS", "PersonalEssAuth",
            "PersonalThirdAuth", "OrgEssAuth", "FlowNotify", "AuthService", "NoAuthSign");

    private QuotaTypes() {
    }

    /** The offered kinds a request's QuotaType asks for (absent means all); refuses unknown kinds. */
    static List<String> selected(String quotaType) {
        if (quotaType == null || quotaType.isBlank()) {
            return OFFERED;
        }
        if (!ALL.contains(quotaType)) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "QuotaType must be one of " + ALL + ".");
        }
        return OFFERED.contains(quotaType) ? List.of(quotaType) : List.of();
    }
}
