package io.signflow.flowgroup;

import static io.signflow.flowgroup.RuleRequests.A4_TWO_PAGES;
import static io.signflow.flowgroup.RuleRequests.assertRefused;
import static io.signflow.flowgroup.RuleRequests.component;
import static io.signflow.flowgroup.RuleRequests.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.api.ErrorCodes;
import io.signflow.flowgroup.ComponentRules.Role;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DISTRICT, DYNAMIC_TABLE, ATTACHMENT and WATERMARK controls when a contract is created. */
class FillControlRulesTest {

    private static final String AT = "FlowGroupInfos[0].Components[0]";
    private static final String COLUMNS = "{\"headers\":[{\"content\":\"品名\"},{\"content\":\"数量\"}],\"rowCount\":5}";
    private static final String TABLE = "{\"headers\":[{\"content\":\"品名\"},{\"content\":\"数量\"}],\"rowCount\":1,"
            + "\"body\":{\"cells\":[{\"rowStart\":1,\"rowEnd\":1,\"columnStart\":1,\"columnEnd\":1,\"content\":\"钢材\"}]}}";
    private static final String WATERMARK = "{\"FontSize\":24,\"Opacity\":0.3,\"Rotate\":45,\"Density\":2}";

    private static FlowGroupDraft.Component check(ObjectNode json, Role role) {
        return ComponentRules.check(AT, component(json), role, A4_TWO_PAGES);
    }

    @Test
    void theInitiatorFillsEachOfThem() {
        assertThat(check(control("DISTRICT").put("ComponentValue", "广东省深圳市福田区"), Role.INITIATOR_FILL).value())
                .isEqualTo("广东省深圳市福田区");
        assertThat(check(control("DYNAMIC_TABLE").put("ComponentValue", TABLE), Role.INITIATOR_FILL).value())
                .isEqualTo(TABLE);
        assertThat(check(control("ATTACHMENT").put("ComponentValue", "file1,file2"), Role.INITIATOR_FILL).value())
                .isEqualTo("file1,file2");
        FlowGroupDraft.Component watermark = check(control("WATERMARK").put("ComponentExtra", WATERMARK)
                .put("ComponentValue", "仅供签署"), Role.INITIATOR_FILL);
        assertThat(watermark.value()).isEqualTo("仅供签署");
        assertThat(watermark.extra()).isEqualTo(WATERMARK);
    }

    @Test
    void aSignerFillsTheirsLater() {
        assertThat(check(control("DISTRICT").put("ComponentRequired", true), Role.APPROVER_FILL).required()).isTrue();
        assertThat(check(control("DYNAMIC_TABLE").put("ComponentExtra", COLUMNS), Role.APPROVER_FILL).extra())
                .isEqualTo(COLUMNS);
        assertThat(check(control("ATTACHMENT").put("ComponentRequired", true), Role.APPROVER_FILL).value()).isNull();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("a signer's watermark", control("WATERMARK").put("ComponentExtra", WATERMARK)
                        .put("ComponentValue", "x"), Role.APPROVER_FILL, ErrorCodes.NO_SUPPORT_COMPONENT_TYPE),
                arguments("a watermark among sign controls", control("WATERMARK"), Role.SIGN, ErrorCodes.SIGN_COMPONENTS),
                arguments("a watermark without ComponentExtra", control("WATERMARK").put("ComponentValue", "x"),
                        Role.INITIATOR_FILL, ErrorCodes.COMPONENT_VALUE),
                arguments("a watermark without text", control("WATERMARK").put("ComponentExtra", WATERMARK),
                        Role.INITIATOR_FILL, ErrorCodes.MISSING_REQUIRED_COMPONENT_VALUE),
                arguments("a watermark of the viewer's details", control("WATERMARK").put("ComponentValue", "x")
                        .put("ComponentExtra", "{\"SubType\":\"PERSON_INFO_WATERMARK\"}"), Role.INITIATOR_FILL,
                        ErrorCodes.NO_SUPPORT_COMPONENT_TYPE),
                arguments("watermark opacity 1.5", control("WATERMARK").put("ComponentValue", "x")
                        .put("ComponentExtra", "{\"Opacity\":1.5}"), Role.INITIATOR_FILL, ErrorCodes.COMPONENT_VALUE),
                arguments("watermark rotated 360", control("WATERMARK").put("ComponentValue", "x")
                        .put("ComponentExtra", "{\"Rotate\":360}"), Role.INITIATOR_FILL, ErrorCodes.COMPONENT_VALUE),
                arguments("watermark density 4", control("WATERMARK").put("ComponentValue", "x")
                        .put("ComponentExtra", "{\"Density\":4}"), Role.INITIATOR_FILL, ErrorCodes.COMPONENT_VALUE),
                arguments("watermark at the middle", control("WATERMARK").put("ComponentValue", "x")
                        .put("ComponentExtra", "{\"Position\":\"Middle\"}"), Role.INITIATOR_FILL,
                        ErrorCodes.COMPONENT_VALUE),
                arguments("a table without columns", control("DYNAMIC_TABLE"), Role.APPROVER_FILL,
                        ErrorCodes.COMPONENT_VALUE),
                arguments("a table of eleven columns", control("DYNAMIC_TABLE").put("ComponentExtra",
                        "{\"headers\":[" + "{\"content\":\"c\"},".repeat(10) + "{\"content\":\"c\"}]}"),
                        Role.APPROVER_FILL, ErrorCodes.COMPONENT_VALUE),
                arguments("a table not of the control's columns", control("DYNAMIC_TABLE").put("ComponentExtra",
                        "{\"headers\":[{\"content\":\"单价\"}]}").put("ComponentValue", TABLE), Role.INITIATOR_FILL,
                        ErrorCodes.COMPONENT_TYPE_NO_MATCH_VALUE),
                arguments("a table that is not JSON", control("DYNAMIC_TABLE").put("ComponentValue", "品名,数量"),
                        Role.INITIATOR_FILL, ErrorCodes.COMPONENT_TYPE_NO_MATCH_VALUE),
                arguments("seven attachments", control("ATTACHMENT").put("ComponentValue", "a,b,c,d,e,f,g"),
                        Role.INITIATOR_FILL, ErrorCodes.COMPONENT_TYPE_NO_MATCH_VALUE),
                arguments("a signer's attachment given at creation", control("ATTACHMENT").put("ComponentValue", "a"),
                        Role.APPROVER_FILL, ErrorCodes.COMPONENT_VALUE),
                arguments("a district on two lines", control("DISTRICT").put("ComponentValue", "广东省\n深圳市"),
                        Role.INITIATOR_FILL, ErrorCodes.COMPONENT_TYPE_NO_MATCH_VALUE),
                arguments("a required district the initiator leaves empty", control("DISTRICT")
                        .put("ComponentRequired", true), Role.INITIATOR_FILL, ErrorCodes.MISSING_REQUIRED_COMPONENT_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithTheCodeOfTheReference(String what, ObjectNode json, Role role, String code) {
        assertRefused(() -> check(json, role), code, AT);
    }
}
