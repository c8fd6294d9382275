package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The character rules of free texts (reference 2.4, 2.6 and the charset decision of section 7). */
class TextRulesTest {

    /** A Han character outside the Basic Multilingual Plane: one character, two UTF-16 units. */
    private static final String RARE_HAN = new String(Character.toChars(0x20000));

    @ParameterizedTest
    @ValueSource(strings = {"示例合同组-有3份子合同", "子合同1-B2B(发起方企业自动签署)", "Lease 2024 [v2]; A&B + C.",
            "租赁合同（2024）"})
    void contractNamesOfTheSeedAndCjkPunctuationAreAccepted(String name) {
        assertThat(TextRules.isContractName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<b>合同</b>", "合同\n名称", "合同\u0000", "a'b", "合同\"名\""})
    void blankNamesMarkupAndControlCharactersAreRefusedAsContractNames(String name) {
        assertThat(TextRules.isContractName(name)).isFalse();
    }

    @Test
    void aContractNameMayHave200UnitsAndNoMore() {
        assertThat(TextRules.isContractName("合".repeat(200))).isTrue();
        assertThat(TextRules.isContractName("合".repeat(201))).isFalse();
        assertThat(TextRules.isContractName(null)).isFalse();
    }

    @Test
    void aCharacterOutsideTheBasicPlaneCountsTwiceTowardsTheColumnWidth() {
        assertThat(TextRules.isContractName(RARE_HAN.repeat(100))).isTrue();
        assertThat(TextRules.isContractName(RARE_HAN.repeat(100) + "合")).isFalse();
        assertThat(TextRules.isRoleName(RARE_HAN.repeat(10))).isTrue();
        assertThat(TextRules.isRoleName(RARE_HAN.repeat(10) + "a")).isFalse();
    }

    @Test
    void roleNamesAreUpTo20HanLettersDigitsOrUnderscore() {
        assertThat(TextRules.isRoleName("甲方_1")).isTrue();
        assertThat(TextRules.isRoleName("a".repeat(20))).isTrue();
        assertThat(TextRules.isRoleName("a".repeat(21))).isFalse();
        assertThat(TextRules.isRoleName("甲方-1")).isFalse();
        assertThat(TextRules.isRoleName("甲 方")).isFalse();
        assertThat(TextRules.isRoleName("")).isFalse();
    }

    @Test
    void componentIdsAreUpTo30HanLettersDigitsOrUnderscore() {
        assertThat(TextRules.isComponentId("签署日期_1")).isTrue();
        assertThat(TextRules.isComponentId("x".repeat(30))).isTrue();
        assertThat(TextRules.isComponentId("x".repeat(31))).isFalse();
        assertThat(TextRules.isComponentId("date.1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"张三", "阿卜杜·热合曼", "Anna-Lena Müller", "O. Bạch"})
    void realNamesOfAnyScriptWithTheirInterpunctAreAccepted(String name) {
        assertThat(TextRules.isPersonName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "张三1", "<script>", "李四\t", "Robert'); DROP"})
    void digitsMarkupAndControlCharactersAreNotNames(String name) {
        assertThat(TextRules.isPersonName(name)).isFalse();
    }

    @Test
    void aNameMayHave50LettersAndNoMore() {
        assertThat(TextRules.isPersonName("名".repeat(50))).isTrue();
        assertThat(TextRules.isPersonName("名".repeat(51))).isFalse();
    }

    @Test
    void plainTextAllowsLineBreaksAndTabsButNoOtherControlCharacters() {
        assertThat(TextRules.isPlainText("第一行\r\n第二行\t结束")).isTrue();
        assertThat(TextRules.isPlainText("bell\u0007")).isFalse();
        assertThat(TextRules.isPlainText("delete\u007f")).isFalse();
    }

    @Test
    void base64IsTheStandardAlphabet() {
        assertThat(TextRules.isBase64("c2lnbmZsb3c=")).isTrue();
        assertThat(TextRules.isBase64("")).isTrue();
        assertThat(TextRules.isBase64("not base64!")).isFalse();
        assertThat(TextRules.isBase64("c2lnbmZsb3c=A")).isFalse();
    }
}
