package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowGroupSummary;
import org.junit.jupiter.api.Test;

/** Who is told their turn has come: the approver's NotifyType, then the group's option for their side. */
class NotificationPolicyTest {

    private static final String INITIATOR = "发起方有限公司";

    @Test
    void signersOfTheInitiatorFollowTheSelfOptionAndEveryoneElseTheOtherOption() {
        FlowGroupSummary selfSilenced = group("none", "sms");
        FlowGroupSummary otherSilenced = group("sms", "none");

        assertThat(NotificationPolicy.notifies(selfSilenced, enterprise(INITIATOR, "sms"))).isFalse();
        assertThat(NotificationPolicy.notifies(selfSilenced, enterprise("对方有限公司", "sms"))).isTrue();
        assertThat(NotificationPolicy.notifies(selfSilenced, person("sms"))).isTrue();
        assertThat(NotificationPolicy.notifies(otherSilenced, enterprise(INITIATOR, "sms"))).isTrue();
        assertThat(NotificationPolicy.notifies(otherSilenced, enterprise("对方有限公司", "sms"))).isFalse();
        assertThat(NotificationPolicy.notifies(otherSilenced, person("sms"))).isFalse();
    }

    @Test
    void anApproversNoneSilencesThemWhateverTheGroupSays() {
        FlowGroupSummary both = group("sms", "sms");

        assertThat(NotificationPolicy.notifies(both, person("none"))).isFalse();
        assertThat(NotificationPolicy.notifies(both, enterprise(INITIATOR, "none"))).isFalse();
        assertThat(NotificationPolicy.notifies(both, person("sms"))).isTrue();
    }

    @Test
    void autoSignersAndDynamicSignersAreNeverTold() {
        FlowGroupSummary both = group("sms", "sms");

        assertThat(NotificationPolicy.notifies(both, new FlowApprover("r", "s", "f", 1, 3, false, INITIATOR, null, null,
                "sms", null, 2))).isFalse();
        assertThat(NotificationPolicy.notifies(both, new FlowApprover("r", "s", "f", 1, 0, true, "对方有限公司", "张三",
                "13900000000", "sms", null, 2))).isFalse();
    }

    private static FlowGroupSummary group(String self, String other) {
        return new FlowGroupSummary("g", "合同组", "o", INITIATOR, "u", "VerifyCheck", self, other, "SIGNING");
    }

    private static FlowApprover enterprise(String organization, String notifyType) {
        return new FlowApprover("r", "s", "f", 1, 0, false, organization, "张三", "13900000000", notifyType, null, 2);
    }

    private static FlowApprover person(String notifyType) {
        return new FlowApprover("r", "s", "f", 1, 1, false, null, "李四", "13900000001", notifyType, null, 2);
    }
}
