package io.signflow.flowgroup;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.common.Texts;
import java.util.Set;

/**
 * What the sign controls beyond seal, signature and date need of one control: the legal
 * representative's seal, the signing opinion, the paging signature and the signing-approval
 * combination's parts ({@link SignCombinations} checks how a combination and its parts fit together).
 */
public final class SignControlRules {

    /** Every sign control Signflow draws. SIGN_SELECTOR and SIGN_MULTI_LINE_TEXT exist only inside a combination. */
    static final Set<String> TYPES = Set.of("SIGN_SEAL", "SIGN_SIGNATURE", "SIGN_DATE", "SIGN_PAGING_SEAL",
            "SIGN_LEGAL_PERSON_SEAL", "SIGN_OPINION", "SIGN_PAGING_SIGNATURE", "SIGN_VIRTUAL_COMBINATION",
            "SIGN_SELECTOR", "SIGN_MULTI_LINE_TEXT");
    /** Cut into strips along the right edge of every page: only PosY, width and height matter. */
    static final Set<String> PAGING = Set.of("SIGN_PAGING_SEAL", "SIGN_PAGING_SIGNATURE");
    /** An organization's seals: enterprise signers only. */
    static final Set<String> SEALS = Set.of("SIGN_SEAL", "SIGN_PAGING_SEAL", "SIGN_LEGAL_PERSON_SEAL");
    /** A person's handwritten (or name-generated) signature: never an auto-signer's. */
    static final Set<String> SIGNATURES = Set.of("SIGN_SIGNATURE", "SIGN_PAGING_SIGNATURE");
    /** Text the signer writes or picks on the signer page while signing. */
    public static final Set<String> TEXTS = Set.of("SIGN_OPINION", "SIGN_SELECTOR", "SIGN_MULTI_LINE_TEXT");
    /** The parts a SIGN_VIRTUAL_COMBINATION may group (ESS: at most four of these). */
    static final Set<String> PARTS = Set.of("SIGN_SIGNATURE", "SIGN_DATE", "SIGN_SELECTOR", "SIGN_MULTI_LINE_TEXT");
    static final Set<String> PART_ONLY = Set.of("SIGN_SELECTOR", "SIGN_MULTI_LINE_TEXT");
    /** ESS's limit on a signing opinion. */
    public static final int MAX_OPINION = 50;

    private SignControlRules() {
    }

    /**
     * The value a sign control keeps: the seal to apply for SIGN_SEAL and SIGN_LEGAL_PERSON_SEAL (a
     * restriction, mandatory for auto-signers), the opinion the signer confirms for SIGN_OPINION.
     */
    static String value(String at, String type, String value, String wrongCode) {
        String given = Texts.blankToNull(value);
        return switch (type) {
            case "SIGN_SEAL", "SIGN_LEGAL_PERSON_SEAL" -> given;
            case "SIGN_OPINION" -> {
                if (given != null && !isOpinion(given)) {
                    throw new ApiException(wrongCode, at + ".ComponentValue: a signing opinion is plain text of at "
                            + "most " + MAX_OPINION + " characters.");
                }
                yield given;
            }
            default -> null;
        };
    }

    /**
     * Whether the signer must fill the control before signing. A signing opinion must be given unless
     * ComponentRequired is false; a combination's selector and comment only when ComponentRequired is
     * true (ESS: "签批控件中签署意见等可以不填写"). Seals, signatures and dates are always applied.
     */
    static boolean required(String type, Boolean componentRequired) {
        return switch (type) {
            case "SIGN_OPINION" -> !Boolean.FALSE.equals(componentRequired);
            case "SIGN_SELECTOR", "SIGN_MULTI_LINE_TEXT" -> Boolean.TRUE.equals(componentRequired);
            default -> false;
        };
    }

    /** A signature drawn on the signer page, and one generated from the signer's name. */
    public static final String HANDWRITE = "HANDWRITE";
    public static final String SYSTEM_ESIGN = "SYSTEM_ESIGN";
    /** ESS's ComponentTypeLimit values for signatures; the others need a Tencent account or AI recognition. */
    private static final Set<String> SIGNATURE_LIMITS = Set.of("HANDWRITE", "HANDWRITTEN_ESIGN", "OCR_ESIGN", "ESIGN",
            "SYSTEM_ESIGN", "IMG_ESIGN");

    /**
     * How a signature control lets the signer sign, by its ComponentExtra.ComponentTypeLimit: drawing
     * it (HANDWRITE; HANDWRITTEN_ESIGN, a saved handwritten signature, includes drawing one) and/or
     * generating it from their name (SYSTEM_ESIGN); both when there is no limit.
     */
    public static Set<String> signatureKinds(JsonNode extra) {
        JsonNode limit = extra == null ? null : extra.get("ComponentTypeLimit");
        if (limit == null || !limit.isArray() || limit.isEmpty()) {
            return Set.of(HANDWRITE, SYSTEM_ESIGN);
        }
        Set<String> kinds = new java.util.TreeSet<>();
        for (JsonNode value : limit) {
            switch (value.asText()) {
                case "HANDWRITE", "HANDWRITTEN_ESIGN" -> kinds.add(HANDWRITE);
                case "SYSTEM_ESIGN" -> kinds.add(SYSTEM_ESIGN);
                default -> {
                    // OCR_ESIGN, ESIGN and IMG_ESIGN are not offered; checked at creation
                }
            }
        }
        return kinds;
    }

    /** ComponentExtra settings of these controls: a selector's choices, how a signature may be made. */
    static void checkExtra(String at, String type, JsonNode extra, String wrongCode) {
        if (SIGNATURES.contains(type) && extra.has("ComponentTypeLimit")) {
            JsonNode limit = extra.get("ComponentTypeLimit");
            boolean known = limit.isArray();
            for (JsonNode value : limit) {
                known &= SIGNATURE_LIMITS.contains(value.asText());
            }
            if (!known) {
                throw new ApiException(wrongCode, at + ".ComponentExtra.ComponentTypeLimit lists signature types of "
                        + SIGNATURE_LIMITS + ".");
            }
            if (signatureKinds(extra).isEmpty()) {
                throw new ApiException(ErrorCodes.NO_SUPPORT_COMPONENT_TYPE, at + ".ComponentExtra.ComponentTypeLimit: "
                        + "AI-recognized (OCR_ESIGN), personal-seal (ESIGN) and uploaded (IMG_ESIGN) signatures are "
                        + "not offered; allow HANDWRITE or SYSTEM_ESIGN.");
            }
        }
        if (type.equals("SIGN_SELECTOR")) {
            JsonNode values = extra.get("Values");
            boolean valid = values != null && values.isArray() && !values.isEmpty();
            if (valid) {
                for (JsonNode v : values) {
                    valid &= v.isTextual() && isChoice(v.asText());
                }
            }
            if (!valid) {
                throw new ApiException(wrongCode, at + ": a SIGN_SELECTOR needs ComponentExtra.Values, the list of "
                        + "choices (each plain text of at most " + MAX_OPINION + " characters).");
            }
        }
    }

    /** A signing opinion as the signer may write it: one line of plain text, at most 50 characters. */
    public static boolean isOpinion(String text) {
        return isChoice(text);
    }

    private static boolean isChoice(String text) {
        return !text.isBlank() && text.length() <= MAX_OPINION && !text.contains("\n") && TextRules.isPlainText(text);
    }
}
