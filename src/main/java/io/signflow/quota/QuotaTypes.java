package io.signflow.quota;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import java.util.List;

/**
 * The QuotaType values ESS knows. Signflow sells only the contract quota, CloudEnterprise; asking
 * for another kind is valid and finds nothing.
 */
final class QuotaTypes {

    static final List<String> ALL = List.of(QuotaService.QUOTA_TYPE, "SingleSignature", "CloudProve",
            "CloudOnlineSign", "ChannelWeCard", "SignFlow", "SignFace", "SignPassword", "SignSMS", "PersonalEssAuth",
            "PersonalThirdAuth", "OrgEssAuth", "FlowNotify", "AuthService", "NoAuthSign");

    private QuotaTypes() {
    }

    /** Whether a request's QuotaType (absent means all kinds) covers the contract quota; refuses unknown kinds. */
    static boolean coversContractQuota(String quotaType) {
        if (quotaType == null || quotaType.isBlank()) {
            return true;
        }
        if (!ALL.contains(quotaType)) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "QuotaType must be one of " + ALL + ".");
        }
        return quotaType.equals(QuotaService.QUOTA_TYPE);
    }
}
