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
import org.junit.jupiter.params.provider.ValueSource;

/** One control against its kind and the page it sits on (reference 2.6 and the table of section 5). */
class ComponentRulesTest {

    private static final String AT = "FlowGroupInfos[0].Approvers[0].SignComponents[0]";

    private static FlowGroupDraft.Component check(ObjectNode json, Role role) {
        return ComponentRules.check(AT, component(json), role, A4_TWO_PAGES);
    }

    @Test
    void aSignControlOnThePageIsKeptWithItsBox() {
        FlowGroupDraft.Component seal = check(control("sign_seal").put("ComponentValue", " seal-1 ")
                .put("ComponentId", "甲方盖章").put("ComponentName", "盖章处"), Role.SIGN);

        assertThat(seal).isEqualTo(new FlowGroupDraft.Component("SIGN_SEAL", "甲方盖章", "盖章处", 1, 100, 100, 120, 40,
                false, "seal-1", null));
    }

    @Test
    void aNegativePageCountsFromTheEnd() {
        assertThat(check(control("SIGN_SIGNATURE").put("ComponentPage", -1), Role.SIGN).page()).isEqualTo(2);
        assertThat(check(control("SIGN_SIGNATURE").put("ComponentPage", -2), Role.SIGN).page()).isEqualTo(1);
    }

    @Test
    void onlyASealControlCarriesAValueAndOnlyAFillControlIsRequired() {
        FlowGroupDraft.Component signature = check(control("SIGN_SIGNATURE").put("ComponentValue", "x")
                .put("ComponentRequired", true), Role.SIGN);
        assertThat(signature.value()).isNull();
        assertThat(signature.required()).isFalse();
        assertThat(check(control("TEXT").put("ComponentRequired", true), Role.APPROVER_FILL).required()).isTrue();
    }

    @Test
    void aBoxWithinHalfAPointOfTheEdgeFits() {
        FlowGroupDraft.Component edge = check(control("SIGN_DATE").put("ComponentPosX", 475.5)
                .put("ComponentPosY", -0.4), Role.SIGN);
        assertThat(edge.x()).isEqualTo(475.5);
    }

    @Test
    void aPagingSealIsPlacedByItsHeightAloneAcrossThePageEdge() {
        FlowGroupDraft.Component paging = check(control("SIGN_PAGING_SEAL").put("ComponentPosX", 590), Role.SIGN);
        assertThat(paging.type()).isEqualTo("SIGN_PAGING_SEAL");
        assertRefused(() -> check(control("SIGN_PAGING_SEAL").put("ComponentPosY", 820), Role.SIGN),
                ErrorCodes.COMPONENT_POSITION, AT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"Opacity\":0.6}", "{\"Opacity\":1}", "{\"FontSize\":6,\"FontAlign\":\"Center\"}",
            "{\"FontSize\":72,\"Font\":\"仿宋\",\"Format\":\"yyyy/m/d\"}", "{\"Format\":\"yyyy年m月d日\"}"})
    void extrasWithinTheReferenceRangesAreKept(String extra) {
        assertThat(check(control("SIGN_DATE").put("ComponentExtra", extra), Role.SIGN).extra()).isEqualTo(extra);
    }

    static Stream<Arguments> refusedControls() {
        return Stream.of(
                arguments("fill control among sign controls", control("TEXT"), Role.SIGN, ErrorCodes.SIGN_COMPONENTS),
                arguments("sign control among fill controls", control("SIGN_SEAL"), Role.INITIATOR_FILL,
                        ErrorCodes.SIGN_COMPONENTS),
                arguments("an approver's image", control("FILL_IMAGE"), Role.APPROVER_FILL,
                        ErrorCodes.NO_SUPPORT_COMPONENT_TYPE),
                arguments("a type ESS has, not offered", control("VIRTUAL_COMBINATION"), Role.APPROVER_FILL,
                        ErrorCodes.NO_SUPPORT_COMPONENT_TYPE),
                arguments("no such type", control("STAMP"), Role.SIGN, ErrorCodes.NO_SUPPORT_COMPONENT_TYPE),
                arguments("a second file", control("SIGN_SEAL").put("FileIndex", 1), Role.SIGN,
                        ErrorCodes.COMPONENT_FILE_INDEX),
                arguments("page 0", control("SIGN_SEAL").put("ComponentPage", 0), Role.SIGN, ErrorCodes.COMPONENT_PAGE),
                arguments("past the last page", control("SIGN_SEAL").put("ComponentPage", 3), Role.SIGN,
                        ErrorCodes.COMPONENT_PAGE),
                arguments("before the first page", control("SIGN_SEAL").put("ComponentPage", -3), Role.SIGN,
                        ErrorCodes.COMPONENT_PAGE),
                arguments("no width", control("SIGN_SEAL").put("ComponentWidth", 0), Role.SIGN,
                        ErrorCodes.COMPONENT_POSITION),
                arguments("negative height", control("SIGN_SEAL").put("ComponentHeight", -1), Role.SIGN,
                        ErrorCodes.COMPONENT_POSITION),
                arguments("off the right edge", control("SIGN_SEAL").put("ComponentPosX", 500), Role.SIGN,
                        ErrorCodes.COMPONENT_POSITION),
                arguments("off the bottom", control("SIGN_SEAL").put("ComponentPosY", 803), Role.SIGN,
                        ErrorCodes.COMPONENT_POSITION),
                arguments("above the top", control("SIGN_SEAL").put("ComponentPosY", -1), Role.SIGN,
                        ErrorCodes.COMPONENT_POSITION),
                arguments("sign control id with a dot", control("SIGN_SEAL").put("ComponentId", "a.b"), Role.SIGN,
                        ErrorCodes.SIGN_COMPONENTS),
                arguments("fill control id of 31", control("TEXT").put("ComponentId", "x".repeat(31)),
                        Role.INITIATOR_FILL, ErrorCodes.COMPONENT_VALUE),
                arguments("name of 21", control("SIGN_SEAL").put("ComponentName", "名".repeat(21)), Role.SIGN,
                        ErrorCodes.SIGN_COMPONENTS),
                arguments("extra not JSON", control("SIGN_SEAL").put("ComponentExtra", "Opacity=1"), Role.SIGN,
                        ErrorCodes.SIGN_COMPONENTS),
                arguments("extra a JSON array", control("TEXT").put("ComponentExtra", "[1]"), Role.INITIATOR_FILL,
                        ErrorCodes.COMPONENT_VALUE),
                arguments("extra too long", control("TEXT").put("ComponentExtra",
                        "{\"Gaps\":\"" + "1".repeat(ComponentRules.MAX_EXTRA) + "\"}"), Role.INITIATOR_FILL,
                        ErrorCodes.COMPONENT_VALUE),
                arguments("opacity 0.5", control("SIGN_SEAL").put("ComponentExtra", "{\"Opacity\":0.5}"), Role.SIGN,
                        ErrorCodes.SIGN_COMPONENTS),
                arguments("opacity as text", control("SIGN_SEAL").put("ComponentExtra", "{\"Opacity\":\"1\"}"),
                        Role.SIGN, ErrorCodes.SIGN_COMPONENTS),
                arguments("font size 5", control("SIGN_DATE").put("ComponentExtra", "{\"FontSize\":5}"), Role.SIGN,
                        ErrorCodes.SIGN_COMPONENTS),
                arguments("font size 73", control("TEXT").put("ComponentExtra", "{\"FontSize\":73}"),
                        Role.INITIATOR_FILL, ErrorCodes.COMPONENT_VALUE),
                arguments("align justify", control("SIGN_DATE").put("ComponentExtra", "{\"FontAlign\":\"Justify\"}"),
                        Role.SIGN, ErrorCodes.SIGN_COMPONENTS),
                arguments("font Arial", control("SIGN_DATE").put("ComponentExtra", "{\"Font\":\"Arial\"}"), Role.SIGN,
                        ErrorCodes.SIGN_COMPONENTS),
                arguments("date format d/m/yyyy", control("SIGN_DATE").put("ComponentExtra",
                        "{\"Format\":\"d/m/yyyy\"}"), Role.SIGN, ErrorCodes.SIGN_COMPONENTS),
                arguments("selector without choices", control("SELECTOR"), Role.APPROVER_FILL,
                        ErrorCodes.COMPONENT_VALUE),
                arguments("required, the initiator gives no value", control("TEXT").put("ComponentRequired", true),
                        Role.INITIATOR_FILL, ErrorCodes.MISSING_REQUIRED_COMPONENT_VALUE),
                arguments("value with a control character", control("TEXT").put("ComponentValue", "a\u0007b"),
                        Role.INITIATOR_FILL, ErrorCodes.COMPONENT_VALUE),
                arguments("value too long", control("MULTI_LINE_TEXT").put("ComponentValue", "字".repeat(1001)),
                        Role.INITIATOR_FILL, ErrorCodes.COMPONENT_VALUE),
                arguments("check box value yes", control("CHECK_BOX").put("ComponentValue", "yes"),
                        Role.INITIATOR_FILL, ErrorCodes.COMPONENT_TYPE_NO_MATCH_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedControls")
    void refusedWithTheCodeOfTheReference(String what, ObjectNode json, Role role, String code) {
        assertRefused(() -> check(json, role), code, AT);
    }

    @Test
    void aRequiredControlAnApproverFillsLaterMayComeEmpty() {
        FlowGroupDraft.Component text = check(control("TEXT").put("ComponentRequired", true), Role.APPROVER_FILL);
        assertThat(text.value()).isNull();
    }

    @Test
    void theInitiatorsValueIsKeptTrimmedWhenItSuitsTheControl() {
        ObjectNode selector = control("SELECTOR").put("ComponentValue", " 乙 ")
                .put("ComponentExtra", "{\"Values\":[\"甲\",\"乙\"]}");
        assertThat(check(selector, Role.INITIATOR_FILL).value()).isEqualTo("乙");
        assertThat(check(control("DATE").put("ComponentValue", "2024年1月5日"), Role.INITIATOR_FILL).value())
                .isEqualTo("2024年1月5日");
    }
}
