package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.api.ApiJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values of DISTRICT, DYNAMIC_TABLE, ATTACHMENT and WATERMARK controls, as ESS writes them. */
class FillControlValuesTest {

    private static final String TABLE = "{\"headers\":[{\"content\":\"品名\",\"widthPercent\":50},{\"content\":\"数量\"}],"
            + "\"rowCount\":2,\"body\":{\"cells\":[{\"rowStart\":1,\"rowEnd\":1,\"columnStart\":1,\"columnEnd\":1,"
            + "\"content\":\"钢材\"},{\"rowStart\":1,\"rowEnd\":2,\"columnStart\":2,\"columnEnd\":2,\"content\":\"12\","
            + "\"style\":{\"color\":\"#b50000\",\"fontSize\":12,\"bold\":true,\"align\":\"CENTER\"}}]}}";

    private static JsonNode extra(String json) {
        try {
            return ApiJson.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aDistrictIsOneLineOfText() {
        assertThat(FillValueRules.suits("DISTRICT", "广东省深圳市福田区", null)).isTrue();
        assertThat(FillValueRules.suits("DISTRICT", "广东省\n深圳市", null)).isFalse();
        assertThat(FillValueRules.suits("DISTRICT", "省".repeat(FillValueRules.MAX_DISTRICT + 1), null)).isFalse();
    }

    @Test
    void aTableInEssJsonIsReadWithItsSpansAndStyles() {
        DynamicTableValue table = DynamicTableValue.parse(TABLE);
        assertThat(table.headers()).extracting(DynamicTableValue.Header::content).containsExactly("品名", "数量");
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.cells().get(1).rowEnd()).isEqualTo(2);
        assertThat(table.cells().get(1).style()).isEqualTo(new DynamicTableValue.Style("b50000", 12, true, "CENTER"));
        assertThat(table.headerRowDisplay()).isTrue();
        assertThat(table.columnShares()).containsExactly(0.5, 0.5);
        assertThat(table.isEmpty()).isFalse();
        assertThat(FillValueRules.suits("DYNAMIC_TABLE", TABLE, null)).isTrue();
    }

    @Test
    void columnsWithoutWidthShareWhatTheOthersLeave() {
        DynamicTableValue table = DynamicTableValue.parse("{\"headers\":[{\"content\":\"a\",\"widthPercent\":40},"
                + "{\"content\":\"b\"},{\"content\":\"c\"}],\"rowCount\":0}");
        assertThat(table.columnShares()).containsExactly(0.4, 0.3, 0.3);
        assertThat(table.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "{\"headers\":[],\"rowCount\":1}",
            "{\"headers\":[{\"content\":\"a\"}],\"rowCount\":101}",
            "{\"headers\":[{\"content\":\"a\"}],\"rowCount\":1,\"body\":{\"cells\":[{\"rowStart\":1,\"rowEnd\":2,"
                    + "\"columnStart\":1,\"columnEnd\":1,\"content\":\"x\"}]}}",
            "{\"headers\":[{\"content\":\"a\"},{\"content\":\"b\"}],\"rowCount\":1,\"body\":{\"cells\":["
                    + "{\"rowStart\":1,\"rowEnd\":1,\"columnStart\":1,\"columnEnd\":2,\"content\":\"x\"},"
                    + "{\"rowStart\":1,\"rowEnd\":1,\"columnStart\":2,\"columnEnd\":2,\"content\":\"y\"}]}}",
            "{\"headers\":[{\"content\":\"a\",\"widthPercent\":70},{\"content\":\"b\",\"widthPercent\":40}],\"rowCount\":1}",
            "{\"headers\":[{\"content\":\"a\"}],\"rowCount\":1,\"body\":{\"cells\":[{\"rowStart\":1,\"rowEnd\":1,"
                    + "\"columnStart\":1,\"columnEnd\":1,\"content\":\"x\",\"style\":{\"align\":\"JUSTIFY\"}}]}}",
            "{\"headers\":[{\"content\":\"a\"}],\"rowCount\":1,\"body\":{\"cells\":[{\"rowStart\":1,\"rowEnd\":1,"
                    + "\"columnStart\":1,\"columnEnd\":1,\"content\":\"line\\nbreak\"}]}}"})
    void aTableThatIsNotOneIsRefused(String value) {
        assertThatThrownBy(() -> DynamicTableValue.parse(value)).isInstanceOf(DynamicTableValue.Invalid.class);
        assertThat(FillValueRules.suits("DYNAMIC_TABLE", value, null)).isFalse();
    }

    @Test
    void aTableMustHaveTheControlsColumnsAndNoMoreRowsThanItAllows() {
        JsonNode columns = extra("{\"headers\":[{\"content\":\"品名\"},{\"content\":\"数量\"}],\"rowCount\":2}");
        assertThat(FillValueRules.suits("DYNAMIC_TABLE", TABLE, columns)).isTrue();
        assertThat(FillValueRules.suits("DYNAMIC_TABLE", TABLE, extra("{\"headers\":[{\"content\":\"品名\"},"
                + "{\"content\":\"单价\"}]}"))).isFalse();
        assertThat(FillValueRules.suits("DYNAMIC_TABLE", TABLE, extra("{\"headers\":[{\"content\":\"品名\"},"
                + "{\"content\":\"数量\"}],\"rowCount\":1}"))).isFalse();
    }

    @Test
    void aTableMayBeLongerThanOtherValues() {
        String wide = "x".repeat(FillValueRules.MAX_TEXT + 1);
        assertThat(FillValueRules.isAcceptable("DYNAMIC_TABLE", wide)).isTrue();
        assertThat(FillValueRules.isAcceptable("TEXT", wide)).isFalse();
        assertThat(FillValueRules.isAcceptable("DYNAMIC_TABLE", "x".repeat(DynamicTableValue.MAX_LENGTH + 1))).isFalse();
    }

    @Test
    void anEmptyTableCountsAsNotFilled() {
        assertThat(FillValueRules.isEmptyTable("{\"headers\":[{\"content\":\"a\"}],\"rowCount\":1,\"body\":{\"cells\":["
                + "{\"rowStart\":1,\"rowEnd\":1,\"columnStart\":1,\"columnEnd\":1,\"content\":\" \"}]}}")).isTrue();
        assertThat(FillValueRules.isEmptyTable(TABLE)).isFalse();
    }

    @Test
    void anAttachmentIsOneToSixDistinctIdsSeparatedByCommas() {
        assertThat(AttachmentValue.ids("a1, b2,c3")).containsExactly("a1", "b2", "c3");
        assertThat(FillValueRules.suits("ATTACHMENT", "a,b,c,d,e,f", null)).isTrue();
        assertThat(FillValueRules.suits("ATTACHMENT", "a,b,c,d,e,f,g", null)).isFalse();
        assertThat(FillValueRules.suits("ATTACHMENT", "a,a", null)).isFalse();
        assertThat(FillValueRules.suits("ATTACHMENT", "a,,b", null)).isFalse();
        assertThat(FillValueRules.suits("ATTACHMENT", "../etc/passwd", null)).isFalse();
        assertThat(AttachmentValue.ids(null)).isEmpty();
    }

    @Test
    void aWatermarkIsOneLineAndItsStyleHasDefaults() {
        assertThat(FillValueRules.suits("WATERMARK", "仅供签署使用", null)).isTrue();
        assertThat(FillValueRules.suits("WATERMARK", "一\n二", null)).isFalse();
        assertThat(WatermarkStyle.of(ApiJson.MAPPER.createObjectNode()))
                .isEqualTo(new WatermarkStyle(20, 0.2, 0, 2, "None"));
        assertThat(WatermarkStyle.of(extra("{\"FontSize\":30,\"Opacity\":0.5,\"Rotate\":45,\"Density\":3,"
                + "\"Position\":\"Center\"}"))).isEqualTo(new WatermarkStyle(30, 0.5, 45, 3, "Center"));
    }
}
