package io.signflow.flowgroup;

import static io.signflow.flowgroup.RuleRequests.A4_TWO_PAGES;
import static io.signflow.flowgroup.RuleRequests.approver;
import static io.signflow.flowgroup.RuleRequests.assertRefused;
import static io.signflow.flowgroup.RuleRequests.control;
import static io.signflow.flowgroup.RuleRequests.enterprise;
import static io.signflow.flowgroup.RuleRequests.node;
import static io.signflow.flowgroup.RuleRequests.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.api.ApiJson;
import io.signflow.api.ErrorCodes;
import io.signflow.common.Ids;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.Employee;
import io.signflow.tenant.EmployeeRepository;
import io.signflow.tenant.Organization;
import io.signflow.tenant.OrganizationRepository;
import io.signflow.tenant.Seal;
import io.signflow.tenant.SealRepository;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sign controls beyond seal, signature and date at creation: who may have which, the
 * signing-approval combination's parts, opinions, seal kinds, and the identity checks a signer may be
 * asked for.
 */
class SignControlValidationTest {

    private static final String AT = "FlowGroupInfos[0].Approvers[0]";
    private static final Organization ACTING = new Organization(Ids.next(), "示例科技有限公司", null, true, true);

    private final SealRepository seals = mock(SealRepository.class);
    private final OrganizationRepository organizations = mock(OrganizationRepository.class);
    private final ApproverValidator validator = new ApproverValidator(mock(EmployeeRepository.class), seals,
            organizations);

    private FlowGroupDraft.Approver check(ObjectNode json) {
        Employee operator = new Employee(Ids.next(), ACTING.id(), "操作员", "13800000000", true, true);
        FlowGroupInfo flow = ApiJson.MAPPER.convertValue(node().put("FlowName", "合同"), FlowGroupInfo.class);
        return validator.check(AT, approver(json), 1, new ActingParty(operator, ACTING, ACTING), flow,
                new ComponentPlacement.Placer(A4_TWO_PAGES, () -> {
                    throw new AssertionError("controls placed by coordinates read no text layer");
                }));
    }

    private Seal seal(String type) {
        Seal seal = new Seal(Ids.next(), ACTING.id(), "章", type, true);
        when(seals.find(seal.id())).thenReturn(Optional.of(seal));
        when(organizations.find(ACTING.id())).thenReturn(Optional.of(ACTING));
        return seal;
    }

    private static ObjectNode box(String type, double x, double y, double width, double height) {
        return control(type).put("ComponentPosX", x).put("ComponentPosY", y).put("ComponentWidth", width)
                .put("ComponentHeight", height);
    }

    private static ObjectNode signer(ObjectNode approver, ObjectNode... controls) {
        ArrayNode list = approver.putArray("SignComponents");
        for (ObjectNode c : controls) {
            list.add(c);
        }
        return approver;
    }

    private static ObjectNode clerk() {
        return enterprise(ACTING.name(), "李四", "13800000002");
    }

    /** ESS's example 11: a combination naming its parts by ComponentId. */
    private static ObjectNode combinationWithChildren(String... ids) {
        ArrayNode children = node().arrayNode();
        for (String id : ids) {
            children.add(id);
        }
        return box("SIGN_VIRTUAL_COMBINATION", 180, 478, 210, 211).put("ComponentId", "ComponentId_26")
                .put("ComponentExtra", node().set("Children", children).toString());
    }

    private static ObjectNode[] examplesParts() {
        return new ObjectNode[] {
                box("SIGN_SELECTOR", 180, 567, 210, 20).put("ComponentId", "ComponentId_29").put("ComponentRequired", true)
                        .put("ComponentExtra", "{\"Values\":[\"审批通过\",\"审批不通过\"],\"MultiSelect\":false}"),
                box("SIGN_SIGNATURE", 185, 478, 119, 43).put("ComponentId", "ComponentId_27"),
                box("SIGN_DATE", 185, 541, 119, 20).put("ComponentId", "ComponentId_28"),
                box("SIGN_MULTI_LINE_TEXT", 180, 635, 210, 54).put("ComponentId", "ComponentId_30")
                        .put("ComponentRequired", true)};
    }

    @Test
    void anEnterpriseSignerMayHaveEveryNewerSignControl() {
        Seal legal = seal(Seal.LEGAL_PERSON_SEAL);
        ObjectNode[] parts = examplesParts();
        FlowGroupDraft.Approver draft = check(signer(clerk(),
                box("SIGN_LEGAL_PERSON_SEAL", 60, 100, 100, 100).put("ComponentValue", legal.id()),
                box("SIGN_OPINION", 300, 100, 200, 30),
                box("SIGN_PAGING_SIGNATURE", 0, 300, 120, 60),
                combinationWithChildren("ComponentId_29", "ComponentId_27", "ComponentId_28", "ComponentId_30"),
                parts[0], parts[1], parts[2], parts[3]));

        assertThat(draft.signComponents()).extracting(FlowGroupDraft.Component::type).containsExactly(
                "SIGN_LEGAL_PERSON_SEAL", "SIGN_OPINION", "SIGN_PAGING_SIGNATURE", "SIGN_VIRTUAL_COMBINATION",
                "SIGN_SELECTOR", "SIGN_SIGNATURE", "SIGN_DATE", "SIGN_MULTI_LINE_TEXT");
        assertThat(draft.signComponents().get(0).value()).isEqualTo(legal.id());
        // an opinion must be given unless ComponentRequired says false; a combination's parts as they say
        assertThat(draft.signComponents()).extracting(FlowGroupDraft.Component::required)
                .containsExactly(false, true, false, false, true, false, false, true);
    }

    @Test
    void aPersonMayWriteAnOpinionSignAcrossPagesAndCompleteACombinationDescribedInPlace() {
        ObjectNode combination = box("SIGN_VIRTUAL_COMBINATION", 100, 400, 200, 200)
                .put("ComponentExtra", "{\"ChildrenTypes\":[\"SIGN_SIGNATURE\",\"SIGN_DATE\",\"SIGN_SELECTOR\","
                        + "\"SIGN_MULTI_LINE_TEXT\"]}");
        FlowGroupDraft.Approver draft = check(signer(person("张三", "13800000001"),
                box("SIGN_OPINION", 300, 100, 200, 30).put("ComponentValue", "同意").put("ComponentRequired", false),
                box("SIGN_PAGING_SIGNATURE", 0, 300, 120, 60), combination));

        assertThat(draft.signComponents()).extracting(FlowGroupDraft.Component::type).containsExactly(
                "SIGN_OPINION", "SIGN_PAGING_SIGNATURE", "SIGN_VIRTUAL_COMBINATION", "SIGN_SIGNATURE", "SIGN_DATE",
                "SIGN_SELECTOR", "SIGN_MULTI_LINE_TEXT");
        assertThat(draft.signComponents().get(0).value()).isEqualTo("同意");
        assertThat(draft.signComponents().get(0).required()).isFalse();
        // ChildrenTypes: stacked in equal rows across the box; the selector offers 同意 and 不同意
        FlowGroupDraft.Component selector = draft.signComponents().get(5);
        assertThat(selector.y()).isEqualTo(500);
        assertThat(selector.height()).isEqualTo(50);
        assertThat(selector.width()).isEqualTo(200);
        assertThat(selector.extra()).contains("同意", "不同意");
    }

    @Test
    void anAutoSignerMayApplyTheLegalRepresentativesSealByItsId() {
        Seal legal = seal(Seal.LEGAL_PERSON_SEAL);
        ObjectNode auto = node().put("ApproverType", 3).put("OrganizationName", ACTING.name());
        FlowGroupDraft.Approver draft = check(signer(auto,
                box("SIGN_LEGAL_PERSON_SEAL", 60, 100, 100, 100).put("ComponentValue", legal.id())));
        assertThat(draft.signComponents()).extracting(FlowGroupDraft.Component::value).containsExactly(legal.id());
    }

    static Stream<Arguments> refused() {
        ObjectNode[] parts = examplesParts();
        ObjectNode auto = node().put("ApproverType", 3).put("OrganizationName", ACTING.name());
        return Stream.of(
                arguments("a person with the legal representative's seal", signer(person("张三", "13800000001"),
                        box("SIGN_LEGAL_PERSON_SEAL", 60, 100, 100, 100)), ErrorCodes.NO_SUPPORT_COMPONENT_TYPE),
                arguments("an auto-signer with a paging signature", signer(auto.deepCopy(),
                        box("SIGN_PAGING_SIGNATURE", 0, 300, 120, 60)), ErrorCodes.SERVER_SIGN_NO_SUPPORT_SIGNATURE),
                arguments("an auto-signer with an opinion", signer(auto.deepCopy(),
                        box("SIGN_OPINION", 300, 100, 200, 30)), ErrorCodes.SERVER_SIGN_NO_ALLOW_COMPONENT),
                arguments("an auto-signer with a combination", signer(auto.deepCopy(),
                        box("SIGN_VIRTUAL_COMBINATION", 100, 400, 200, 200)
                                .put("ComponentExtra", "{\"ChildrenTypes\":[\"SIGN_DATE\"]}")),
                        ErrorCodes.SERVER_SIGN_NO_ALLOW_COMPONENT),
                arguments("a selector on its own", signer(clerk(), parts[0].deepCopy()), ErrorCodes.SIGN_COMPONENTS),
                arguments("a comment on its own", signer(clerk(), parts[3].deepCopy()), ErrorCodes.SIGN_COMPONENTS),
                arguments("a combination naming no parts", signer(clerk(), box("SIGN_VIRTUAL_COMBINATION", 100, 400,
                        200, 200)), ErrorCodes.SIGN_COMPONENTS),
                arguments("a combination naming a control that is not there", signer(clerk(),
                        combinationWithChildren("ComponentId_29", "nope"), parts[0].deepCopy()),
                        ErrorCodes.SIGN_COMPONENTS),
                arguments("a part outside the combination's box", signer(clerk(),
                        combinationWithChildren("ComponentId_27"), parts[1].deepCopy().put("ComponentPosY", 100)),
                        ErrorCodes.SIGN_COMPONENTS),
                arguments("a combination of five parts", signer(clerk(), box("SIGN_VIRTUAL_COMBINATION", 100, 400,
                        200, 200).put("ComponentExtra", "{\"ChildrenTypes\":[\"SIGN_DATE\",\"SIGN_SIGNATURE\","
                        + "\"SIGN_SELECTOR\",\"SIGN_MULTI_LINE_TEXT\",\"SIGN_DATE\"]}")), ErrorCodes.SIGN_COMPONENTS),
                arguments("a seal as a combination's part", signer(clerk(), box("SIGN_VIRTUAL_COMBINATION", 100, 400,
                        200, 200).put("ComponentExtra", "{\"ChildrenTypes\":[\"SIGN_SEAL\"]}")),
                        ErrorCodes.SIGN_COMPONENTS),
                arguments("a selector without choices", signer(clerk(), combinationWithChildren("ComponentId_29"),
                        parts[0].deepCopy().put("ComponentExtra", "{}")), ErrorCodes.SIGN_COMPONENTS),
                arguments("an opinion of 51 characters", signer(clerk(), box("SIGN_OPINION", 300, 100, 200, 30)
                        .put("ComponentValue", "意".repeat(51))), ErrorCodes.SIGN_COMPONENTS),
                arguments("a paging signature taller than the page", signer(person("张三", "13800000001"),
                        box("SIGN_PAGING_SIGNATURE", 0, 800, 120, 60)), ErrorCodes.COMPONENT_POSITION),
                arguments("only AI-recognized signatures", signer(person("张三", "13800000001"),
                        control("SIGN_SIGNATURE").put("ComponentExtra", "{\"ComponentTypeLimit\":[\"OCR_ESIGN\"]}")),
                        ErrorCodes.NO_SUPPORT_COMPONENT_TYPE),
                arguments("viewing after face recognition only", withCodes(person("张三", "13800000001"),
                        "ApproverVerifyTypes", 1), ErrorCodes.PARAM_ERROR),
                arguments("signing after a face check or password only", withCodes(person("张三", "13800000001"),
                        "ApproverSignTypes", 1, 2), ErrorCodes.PARAM_ERROR));
    }

    private static ObjectNode withCodes(ObjectNode approver, String field, int... codes) {
        ArrayNode array = approver.putArray(field);
        for (int code : codes) {
            array.add(code);
        }
        return approver;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithTheCodeOfTheReference(String what, ObjectNode json, String code) {
        assertRefused(() -> check(json), code, AT);
    }

    @Test
    void sealControlsTakeOnlyTheirKindOfSeal() {
        Seal contract = seal("CONTRACT");
        Seal legal = seal(Seal.LEGAL_PERSON_SEAL);
        when(organizations.findByName(ACTING.name())).thenReturn(Optional.of(ACTING));
        assertRefused(() -> check(signer(clerk(), box("SIGN_LEGAL_PERSON_SEAL", 60, 100, 100, 100)
                .put("ComponentValue", contract.id()))), ErrorCodes.SEAL_ID, AT);
        assertRefused(() -> check(signer(clerk(), control("SIGN_SEAL").put("ComponentValue", legal.id()))),
                ErrorCodes.SEAL_ID, AT);
    }

    @Test
    void theChecksOfferedHereSatisfyAListThatIncludesThem() {
        FlowGroupDraft.Approver draft = check(withCodes(withCodes(person("张三", "13800000001"),
                "ApproverVerifyTypes", 1, 2), "ApproverSignTypes", 1, 2, 3));
        assertThat(draft.verifyTypes()).isEqualTo("1,2");
        assertThat(draft.signTypes()).isEqualTo("1,2,3");
    }
}
