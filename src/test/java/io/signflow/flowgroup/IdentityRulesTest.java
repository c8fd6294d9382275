package io.signflow.flowgroup;

import static io.signflow.flowgroup.RuleRequests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.api.ErrorCodes;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who a signer is: name, mobile, organization name and identity document (reference 2.4). The ID
 * card numbers are the published examples of GB 11643-1999, whose last character is the ISO 7064
 * MOD 11-2 check digit.
 */
class IdentityRulesTest {

    private static final String AT = "FlowGroupInfos[0].Approvers[1]";
    private static final String CHECK_CHARACTERS = "0123456789X";

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014"})
    void anIdCardNumberWithItsCheckDigitIsAccepted(String number) {
        assertThat(IdentityRules.idCard(AT, "ID_CARD", number)).isEqualTo(new IdentityRules.IdCard("ID_CARD", number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "440524188001010015", "11010519491231002x", "1101051949123100",
            "11010519491231002XX", "A1010519491231002X"})
    void aWrongCheckDigitLowerCaseXOrWrongLengthIsRefused(String number) {
        assertRefused(() -> IdentityRules.idCard(AT, "ID_CARD", number), ErrorCodes.CARD_NUMBER,
                AT + ".ApproverIdCardNumber");
    }

    /** Whatever the 17 digits, exactly one of the eleven check characters completes a valid number. */
    @Property(tries = 200)
    void exactlyOneCheckCharacterCompletesAnyBody(@ForAll @NumericChars @StringLength(17) String body) {
        long valid = CHECK_CHARACTERS.chars().filter(c -> IdCards.isIdCardNumber(body + (char) c)).count();
        assertThat(valid).isEqualTo(1);
    }

    @Test
    void onlyANumberMeansAnIdCardAndNeitherMeansNone() {
        assertThat(IdentityRules.idCard(AT, null, "11010519491231002X").type()).isEqualTo("ID_CARD");
        assertThat(IdentityRules.idCard(AT, " ", " ")).isNull();
        assertThat(IdentityRules.idCard(AT, null, null)).isNull();
    }

    @Test
    void aTypeWithoutANumberIsRefused() {
        assertRefused(() -> IdentityRules.idCard(AT, "ID_CARD", null), ErrorCodes.CARD_NUMBER,
                AT + ".ApproverIdCardNumber");
    }

    @ParameterizedTest
    @CsvSource({"HONGKONG_AND_MACAO, H1234567890", "HONGKONG_AND_MACAO, M0000000001",
            "HONGKONG_MACAO_AND_TAIWAN, 11010519491231002X"})
    void permitsHaveTheirOwnForm(String type, String number) {
        assertThat(IdentityRules.idCard(AT, type, number)).isEqualTo(new IdentityRules.IdCard(type, number));
    }

    @ParameterizedTest
    @CsvSource({"HONGKONG_AND_MACAO, 11010519491231002X", "HONGKONG_AND_MACAO, H123456789",
            "HONGKONG_AND_MACAO, K1234567890", "HONGKONG_MACAO_AND_TAIWAN, H1234567890"})
    void aNumberOfAnotherDocumentsFormIsRefused(String type, String number) {
        assertRefused(() -> IdentityRules.idCard(AT, type, number), ErrorCodes.CARD_NUMBER,
                "is not a valid " + type + " number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSPORT", "OTHER_CARD_TYPE", "id_card"})
    void documentTypesOtherThanTheThreeAreRefused(String type) {
        assertRefused(() -> IdentityRules.idCard(AT, type, "11010519491231002X"), ErrorCodes.CARD_TYPE,
                AT + ".ApproverIdCardType");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13800000000", "19912345678"})
    void elevenDigitMainlandMobilesAreAccepted(String mobile) {
        IdentityRules.mobile(AT, mobile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+8613800000000", "1380000000", "12800000000", "138000000001", "1380000000a"})
    void otherMobilesAreRefused(String mobile) {
        assertRefused(() -> IdentityRules.mobile(AT, mobile), ErrorCodes.MOBILE, AT + ".ApproverMobile");
    }

    @Test
    void aNameMustBeARealName() {
        IdentityRules.name(AT, "张三");
        assertRefused(() -> IdentityRules.name(AT, "张三3"), ErrorCodes.NAME, AT + ".ApproverName");
    }

    @Test
    void anOrganizationNameIsNormalizedToFullWidthParenthesesThenChecked() {
        assertThat(IdentityRules.organization(AT, " 示例科技(深圳)有限公司 ")).isEqualTo("示例科技（深圳）有限公司");
        assertRefused(() -> IdentityRules.organization(AT, "示例<公司>"), ErrorCodes.ORGANIZATION_NAME,
                AT + ".OrganizationName");
        assertRefused(() -> IdentityRules.organization(AT, "公".repeat(201)), ErrorCodes.ORGANIZATION_NAME,
                AT + ".OrganizationName");
    }
}
