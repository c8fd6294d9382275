package io.signflow.flowgroup;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.common.Mobiles;
import io.signflow.common.Texts;
import io.signflow.tenant.OrganizationNames;

/** Checks of who a signer is, shared by creating a group and naming dynamic signers later. */
final class IdentityRules {

    private IdentityRules() {
    }

    record IdCard(String type, String number) {
    }

    static void name(String at, String name) {
        if (!TextRules.isPersonName(name)) {
            throw new ApiException(ErrorCodes.NAME, at + ".ApproverName must be a real name of at most 50 letters.");
        }
    }

    static void mobile(String at, String mobile) {
        if (!Mobiles.isValid(mobile)) {
            throw new ApiException(ErrorCodes.MOBILE, at + ".ApproverMobile must be an 11-digit mainland mobile number "
                    + "without +86.");
        }
    }

    /** The normalized name, checked. */
    static String organization(String at, String name) {
        String normalized = OrganizationNames.normalize(name);
        if (!OrganizationNames.isValid(normalized)) {
            throw new ApiException(ErrorCodes.ORGANIZATION_NAME, at + ".OrganizationName is not a valid organization name.");
        }
        return normalized;
    }

    /** The identity document, or null when neither type nor number is given; ID_CARD when only the number is. */
    static IdCard idCard(String at, String type, String number) {
        String cardNumber = Texts.blankToNull(number);
        if (TextRules.isBlank(type) && cardNumber == null) {
            return null;
        }
        String cardType = TextRules.isBlank(type) ? "ID_CARD" : type.trim();
        if (!IdCards.TYPES.contains(cardType)) {
            throw new ApiException(ErrorCodes.CARD_TYPE, at + ".ApproverIdCardType must be one of " + IdCards.TYPES + ".");
        }
        if (cardNumber == null || !IdCards.isValid(cardType, cardNumber)) {
            throw new ApiException(ErrorCodes.CARD_NUMBER, at + ".ApproverIdCardNumber is not a valid " + cardType + " number.");
        }
        return new IdCard(cardType, cardNumber);
    }
}
