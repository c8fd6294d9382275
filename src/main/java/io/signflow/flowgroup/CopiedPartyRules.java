package io.signflow.flowgroup;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.common.Ids;
import io.signflow.common.Mobiles;
import io.signflow.common.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Checks the copied parties of one sub-contract (CcInfos, CcNotifyType). A copied party is a person
 * who reads the contract and signs nothing, so they need what a signer's identity needs (a real name,
 * a mainland mobile, checked by the same rules), and no two of them, nor a copied party and a named
 * signer, may share a mobile in one contract.
 */
final class CopiedPartyRules {

    /** ESS's limit per contract (CreateFlowByFiles: "最多可支持50个抄送人"). */
    static final int MAX_COPIED_PARTIES = 50;

    private CopiedPartyRules() {
    }

    static CcMoment moment(String at, Long ccNotifyType) {
        return CcMoment.of(ccNotifyType).orElseThrow(() -> new ApiException(ErrorCodes.PARAM_ERROR, at
                + ".CcNotifyType must be 0 (tell copied parties as the contract starts) or 1 (once it is signed)."));
    }

    static List<FlowGroupDraft.CopiedParty> check(String at, List<CcInfo> infos, List<FlowGroupDraft.Approver> signers) {
        if (infos == null || infos.isEmpty()) {
            return List.of();
        }
        if (infos.size() > MAX_COPIED_PARTIES) {
            throw new ApiException(ErrorCodes.CC_NUM, at + ".CcInfos: at most " + MAX_COPIED_PARTIES
                    + " copied parties per contract; it holds " + infos.size() + ".");
        }
        Set<String> signerMobiles = new HashSet<>();
        signers.stream().map(FlowGroupDraft.Approver::mobile).filter(Objects::nonNull).forEach(signerMobiles::add);
        Set<String> mobiles = new HashSet<>();
        List<FlowGroupDraft.CopiedParty> parties = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            String where = at + ".CcInfos[" + i + "]";
            FlowGroupDraft.CopiedParty party = party(where, infos.get(i));
            if (signerMobiles.contains(party.mobile())) {
                throw new ApiException(ErrorCodes.CC_USER_REPEAT, where + ".Mobile is a signer's of this contract; "
                        + "a signer sees the contract already.");
            }
            if (!mobiles.add(party.mobile())) {
                throw new ApiException(ErrorCodes.CC_USER_REPEAT, where + ".Mobile is copied twice in this contract.");
            }
            parties.add(party);
        }
        return parties;
    }

    private static FlowGroupDraft.CopiedParty party(String at, CcInfo cc) {
        String name = Texts.blankToNull(cc.name());
        if (name == null || !TextRules.isPersonName(name)) {
            throw new ApiException(ErrorCodes.NAME, at + ".Name must be the copied party's real name, at most 50 letters.");
        }
        String mobile = Texts.blankToNull(cc.mobile());
        if (!Mobiles.isValid(mobile)) {
            throw new ApiException(ErrorCodes.MOBILE, at + ".Mobile must be an 11-digit mainland mobile number "
                    + "without +86.");
        }
        int type = zeroOrOne(at + ".CcType", cc.ccType(), "0 (a person) or 1 (an employee of the initiator)");
        int permission = zeroOrOne(at + ".CcPermission", cc.ccPermission(),
                "0 (read the contract) or 1 (read and download it)");
        String notifyType = Texts.blankToNull(cc.notifyType()) == null ? "sms"
                : cc.notifyType().trim().toLowerCase(Locale.ROOT);
        if (!notifyType.equals("sms") && !notifyType.equals("none")) {
            throw new ApiException(ErrorCodes.NOTIFY_TYPE, at + ".NotifyType must be sms or none.");
        }
        if (Texts.blankToNull(cc.organizationName()) != null) {
            throw new ApiException(ErrorCodes.WHITE_LIST_FORBID, at + ".OrganizationName: copying a contract to an "
                    + "organization without naming a person is not offered; give the person's Name and Mobile.");
        }
        return new FlowGroupDraft.CopiedParty(Ids.next(), type, name, mobile, permission, notifyType);
    }

    /** CcType and CcPermission: 0 when absent. ESS's code for copied-party settings it refuses is CcNum. */
    private static int zeroOrOne(String field, Long value, String meaning) {
        if (value == null) {
            return 0;
        }
        if (value != 0 && value != 1) {
            throw new ApiException(ErrorCodes.CC_NUM, field + " must be " + meaning + ".");
        }
        return value.intValue();
    }
}
