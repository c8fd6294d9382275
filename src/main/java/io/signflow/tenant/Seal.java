package io.signflow.tenant;

/** An organization's seal; {@code autoSignAllowed} lets the platform apply it without a person (ApproverType 3). */
public record Seal(String id, String organizationId, String name, String sealType, boolean autoSignAllowed) {

    /** The legal representative's seal (法定代表人章): applied on SIGN_LEGAL_PERSON_SEAL controls only. */
    public static final String LEGAL_PERSON_SEAL = "LEGAL_PERSON_SEAL";

    public boolean isLegalPersonSeal() {
        return LEGAL_PERSON_SEAL.equals(sealType);
    }
}
