package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.api.ApiJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a fill control's value may be (reference 2.6: CHECK_BOX, DATE, SELECTOR, TEXT). */
class FillValueRulesTest {

    private static final JsonNode CHOICES = ApiJson.MAPPER.createObjectNode().set("Values",
            ApiJson.MAPPER.createArrayNode().add("甲").add("乙"));

    @ParameterizedTest
    @CsvSource({"CHECK_BOX, true", "CHECK_BOX, false", "DATE, 2024年1月5日", "DATE, 2024年12月31日", "DATE, 2024-01-05",
            "DATE, 2024-1-5", "SELECTOR, 乙", "TEXT, 一行文字", "MULTI_LINE_TEXT, 任意", "FILL_IMAGE, anything"})
    void valuesOfTheRightFormSuitTheirControl(String type, String value) {
        assertThat(FillValueRules.suits(type, value, CHOICES)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"CHECK_BOX, TRUE", "CHECK_BOX, 1", "DATE, 2024/01/05", "DATE, 24-1-5", "DATE, 2024年1月5",
            "SELECTOR, 丙"})
    void valuesOfAnotherFormDoNot(String type, String value) {
        assertThat(FillValueRules.suits(type, value, CHOICES)).isFalse();
        assertThat(FillValueRules.expectedFor(type)).isNotEmpty();
    }

    @Test
    void aSingleLineTextTakesNoLineBreakWhereAMultiLineTextDoes() {
        assertThat(FillValueRules.suits("TEXT", "一\n二", null)).isFalse();
        assertThat(FillValueRules.suits("MULTI_LINE_TEXT", "一\n二", null)).isTrue();
    }

    @Test
    void aSelectorWithoutChoicesAcceptsNothing() {
        assertThat(FillValueRules.suits("SELECTOR", "甲", null)).isFalse();
        assertThat(FillValueRules.suits("SELECTOR", "甲", ApiJson.MAPPER.createObjectNode())).isFalse();
    }

    @Test
    void textIsAcceptableUpToTheLimitWithoutControlCharacters() {
        assertThat(FillValueRules.isAcceptableText("字".repeat(FillValueRules.MAX_TEXT))).isTrue();
        assertThat(FillValueRules.isAcceptableText("字".repeat(FillValueRules.MAX_TEXT + 1))).isFalse();
        assertThat(FillValueRules.isAcceptableText("第一行\n第二行")).isTrue();
        assertThat(FillValueRules.isAcceptableText("escape\u001b[31m")).isFalse();
    }
}
