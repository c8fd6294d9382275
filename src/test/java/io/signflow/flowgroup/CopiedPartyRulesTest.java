package io.signflow.flowgroup;

import static io.signflow.flowgroup.RuleRequests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.api.ErrorCodes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The copied parties of one sub-contract (CcInfos, CcNotifyType). */
class CopiedPartyRulesTest {

    private static final String AT = "FlowGroupInfos[0]";
    private static final FlowGroupDraft.Approver SIGNER = new FlowGroupDraft.Approver("r1", "s1", 0,
            ApproverType.PERSON, false, null, "张三", "13800000001", null, null, null, "sms", null, null, null, false,
            false, null, null, null, List.of(), List.of(), false);

    private static CcInfo cc(String name, String mobile) {
        return new CcInfo(mobile, name, null, null, null, null);
    }

    private static List<FlowGroupDraft.CopiedParty> check(CcInfo... infos) {
        return CopiedPartyRules.check(AT, List.of(infos), List.of(SIGNER));
    }

    @Test
    void aCopiedPartyGetsTheDefaultsOfEss() {
        List<FlowGroupDraft.CopiedParty> parties = check(cc("李四", "13900000001"));

        assertThat(parties).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("李四");
            assertThat(p.mobile()).isEqualTo("13900000001");
            assertThat(p.ccType()).isZero();
            assertThat(p.permission()).isZero();
            assertThat(p.notifyType()).isEqualTo("sms");
            assertThat(p.id()).hasSize(32);
        });
    }

    @Test
    void anEmployeeWhoMayDownloadAndIsNotToldKeepsTheirSettings() {
        FlowGroupDraft.CopiedParty party = check(new CcInfo(" 13900000001 ", "李四", 1L, 1L, "NONE", "")).get(0);

        assertThat(party.mobile()).isEqualTo("13900000001");
        assertThat(party.ccType()).isEqualTo(1);
        assertThat(party.permission()).isEqualTo(1);
        assertThat(party.notifyType()).isEqualTo("none");
    }

    @Test
    void noCopiedPartiesIsNothingToCheck() {
        assertThat(CopiedPartyRules.check(AT, null, List.of(SIGNER))).isEmpty();
        assertThat(check()).isEmpty();
    }

    @Test
    void fiftyCopiedPartiesAreTheLimit() {
        List<CcInfo> infos = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            infos.add(cc("李四", String.format("139%08d", i)));
        }
        assertThat(CopiedPartyRules.check(AT, infos, List.of(SIGNER))).hasSize(50);

        infos.add(cc("李四", "13700000000"));
        assertRefused(() -> CopiedPartyRules.check(AT, infos, List.of(SIGNER)), ErrorCodes.CC_NUM, "at most 50");
    }

    @Test
    void theSameMobileTwiceOrASignersMobileIsARepeat() {
        assertRefused(() -> check(cc("李四", "13900000001"), cc("王五", "13900000001")), ErrorCodes.CC_USER_REPEAT,
                AT + ".CcInfos[1].Mobile");
        assertRefused(() -> check(cc("张三", "13800000001")), ErrorCodes.CC_USER_REPEAT, AT + ".CcInfos[0].Mobile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+8613900000001", "1390000000", "23900000001", "1390000000a"})
    void aMobileThatIsNoMainlandMobileIsRefused(String mobile) {
        assertRefused(() -> check(cc("李四", mobile)), ErrorCodes.MOBILE, AT + ".CcInfos[0].Mobile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "李四2", "<b>李四</b>"})
    void aNameThatIsNoPersonsNameIsRefused(String name) {
        assertRefused(() -> check(cc(name, "13900000001")), ErrorCodes.NAME, AT + ".CcInfos[0].Name");
    }

    @Test
    void settingsOutsideEssValuesAreRefused() {
        assertRefused(() -> check(new CcInfo("13900000001", "李四", 2L, null, null, null)), ErrorCodes.CC_NUM,
                "CcType");
        assertRefused(() -> check(new CcInfo("13900000001", "李四", null, 3L, null, null)), ErrorCodes.CC_NUM,
                "CcPermission");
        assertRefused(() -> check(new CcInfo("13900000001", "李四", null, null, "email", null)),
                ErrorCodes.NOTIFY_TYPE, "NotifyType");
        assertRefused(() -> check(new CcInfo("13900000001", "李四", null, null, null, "某公司")),
                ErrorCodes.WHITE_LIST_FORBID, "OrganizationName");
    }

    @Test
    void ccNotifyTypeNamesTheMomentDefaultingToTheStart() {
        assertThat(CopiedPartyRules.moment(AT, null)).isEqualTo(CcMoment.STARTED);
        assertThat(CopiedPartyRules.moment(AT, 0L)).isEqualTo(CcMoment.STARTED);
        assertThat(CopiedPartyRules.moment(AT, 1L)).isEqualTo(CcMoment.COMPLETED);
        assertRefused(() -> CopiedPartyRules.moment(AT, 2L), ErrorCodes.PARAM_ERROR, AT + ".CcNotifyType");
    }
}
