package io.signflow.flowgroup;

import java.util.Optional;

/** When a contract's copied parties are told about it: FlowGroupInfo.CcNotifyType 0 (the default) or 1. */
public enum CcMoment {
    /** CcNotifyType 0: as the contract starts. */
    STARTED(0),
    /** CcNotifyType 1: once every signer has signed. */
    COMPLETED(1);

    private final int code;

    CcMoment(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static Optional<CcMoment> of(Long code) {
        if (code == null) {
            return Optional.of(STARTED);
        }
        for (CcMoment moment : values()) {
            if (moment.code == code) {
                return Optional.of(moment);
            }
        }
        return Optional.empty();
    }

    static CcMoment ofCode(int code) {
        return of((long) code).orElseThrow();
    }
}
