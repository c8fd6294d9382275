package io.signflow.flowgroup;

import java.util.Arrays;
import java.util.Optional;

/** ApproverType: who signs and how. */
public enum ApproverType {
    /** a person signing for an enterprise, with its seal */
    ENTERPRISE(0),
    /** a private individual, with a handwritten signature */
    PERSON(1),
    /** the initiating enterprise itself, sealed by the platform during the creating call */
    ENTERPRISE_AUTO(3),
    /** an individual signed by the platform; a whitelisted ESS feature Signflow does not offer */
    PERSON_AUTO(7);

    private final int code;

    ApproverType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isEnterprise() {
        return this == ENTERPRISE || this == ENTERPRISE_AUTO;
    }

    public boolean isAutomatic() {
        return this == ENTERPRISE_AUTO || this == PERSON_AUTO;
    }

    public static Optional<ApproverType> of(long code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }

    public static ApproverType ofCode(int code) {
        return of(code).orElseThrow();
    }
}
