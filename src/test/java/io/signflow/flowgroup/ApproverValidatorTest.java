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

/** One ApproverInfo against the reference's rules (2.4, 2.5 and section 5), each refusal with its code. */
class ApproverValidatorTest {

    private static final String AT = "FlowGroupInfos[0].Approvers[0]";
    private static final Organization ACTING = new Organization(Ids.next(), "示例科技有限公司", null, true, true);
    private static final Organization STRANGER = new Organization(Ids.next(), "别家有限公司", null, true, true);

    private final EmployeeRepository employees = mock(EmployeeRepository.class);
    private final SealRepository seals = mock(SealRepository.class);
    private final OrganizationRepository organizations = mock(OrganizationRepository.class);
    private final ApproverValidator validator = new ApproverValidator(employees, seals, organizations);

    private FlowGroupDraft.Approver check(ObjectNode json) {
        return check(json, ACTING, node());
    }

    private static FlowGroupInfo flow(ObjectNode json) {
        return ApiJson.MAPPER.convertValue(json.put("FlowName", "合同"), FlowGroupInfo.class);
    }

    private FlowGroupDraft.Approver check(ObjectNode json, Organization acting, ObjectNode flow) {
        Employee operator = new Employee(Ids.next(), acting.id(), "操作员", "13800000000", true, true);
        return validator.check(AT, approver(json), 2, new ActingParty(operator, acting, acting), flow(flow),
                new ComponentPlacement.Placer(A4_TWO_PAGES, () -> {
                    throw new AssertionError("controls placed by coordinates read no text layer");
                }));
    }

    private static ObjectNode autoSigner(String organization, String sealId) {
        ObjectNode approver = node().put("ApproverType", 3).put("OrganizationName", organization);
        approver.putArray("SignComponents").add(control("SIGN_SEAL").put("ComponentValue", sealId));
        return approver;
    }

    private static ObjectNode dynamic(String roleName) {
        ObjectNode approver = node().put("ApproverType", 0);
        if (roleName != null) {
            approver.put("ApproverRoleName", roleName);
        }
        approver.putObject("ApproverOption").put("FillType", 1);
        approver.putArray("SignComponents").add(control("SIGN_SEAL"));
        return approver;
    }

    private Seal seal(Organization owner, boolean autoSignAllowed) {
        Seal seal = new Seal(Ids.next(), owner.id(), "合同专用章", "CONTRACT", autoSignAllowed);
        when(seals.find(seal.id())).thenReturn(Optional.of(seal));
        when(organizations.find(owner.id())).thenReturn(Optional.of(owner));
        return seal;
    }

    @Test
    void aPersonIsAcceptedWithTheDefaultsOfTheReference() {
        FlowGroupDraft.Approver draft = check(person("张三", "13800000001"));

        assertThat(draft.type()).isEqualTo(ApproverType.PERSON);
        assertThat(draft.signOrder()).isEqualTo(2);
        assertThat(draft.name()).isEqualTo("张三");
        assertThat(draft.mobile()).isEqualTo("13800000001");
        assertThat(draft.organizationName()).isNull();
        assertThat(draft.notifyType()).isEqualTo("sms");
        assertThat(draft.dynamic()).isFalse();
        assertThat(draft.signComponents()).extracting(FlowGroupDraft.Component::type).containsExactly("SIGN_SIGNATURE");
    }

    @Test
    void optionsWithinTheirRangesAreKept() {
        ObjectNode json = person("张三", "13800000001").put("NotifyType", "NONE").put("PreReadTime", 300)
                .put("ApproverRole", 3).put("ApproverRoleName", "见证人").put("CustomApproverTag", "t".repeat(64))
                .put("ApproverIdCardNumber", "11010519491231002X");
        json.putArray("ApproverSignTypes").add(3).add(1).add(3);
        json.putArray("ApproverVerifyTypes").add(2);
        json.putObject("ApproverOption").put("NoRefuse", true);

        FlowGroupDraft.Approver draft = check(json);

        assertThat(draft.notifyType()).isEqualTo("none");
        assertThat(draft.preReadTime()).isEqualTo(300);
        assertThat(draft.role()).isEqualTo(3);
        assertThat(draft.roleName()).isEqualTo("见证人");
        assertThat(draft.signTypes()).isEqualTo("1,3");
        assertThat(draft.verifyTypes()).isEqualTo("2");
        assertThat(draft.noRefuse()).isTrue();
        assertThat(draft.noTransfer()).isFalse();
        assertThat(draft.idCardType()).isEqualTo("ID_CARD");
    }

    @Test
    void aSignerMayBeReviewedBeforeTheySign() {
        assertThat(check(person("张三", "13800000001").put("ApproverNeedSignReview", true)).needSignReview()).isTrue();
        assertThat(check(person("张三", "13800000001")).needSignReview()).isFalse();
    }

    @Test
    void anEnterpriseNameIsNormalizedToFullWidthParentheses() {
        assertThat(check(enterprise("示例(深圳)有限公司", "李四", "13800000002")).organizationName())
                .isEqualTo("示例（深圳）有限公司");
    }

    @Test
    void aDynamicSignerIsNamedLaterByItsRole() {
        FlowGroupDraft.Approver draft = check(dynamic("乙方"));
        assertThat(draft.dynamic()).isTrue();
        assertThat(draft.name()).isNull();
        assertThat(draft.organizationName()).isNull();
    }

    static Stream<Arguments> refusedApprovers() {
        return Stream.of(
                arguments("ApproverType 2", person("张三", "13800000001").put("ApproverType", 2), ErrorCodes.APPROVER_TYPE),
                arguments("FillType 2", withOption(person("张三", "13800000001"), 2), ErrorCodes.PARAM_ERROR),
                arguments("dynamic auto-signer", withOption(autoSigner("示例科技有限公司", "s"), 1),
                        ErrorCodes.APPROVER_TYPE),
                arguments("sign review of an auto-signer",
                        autoSigner("示例科技有限公司", "s").put("ApproverNeedSignReview", true),
                        ErrorCodes.UNSUPPORTED_OPERATION),
                arguments("own deadline", person("张三", "13800000001").put("Deadline", 1), ErrorCodes.PARAM_ERROR),
                arguments("sign instruction", person("张三", "13800000001").put("SignInstructionContent", "请签"),
                        ErrorCodes.PARAM_ERROR),
                arguments("WeCom source", person("张三", "13800000001").put("ApproverSource", "WEWORKAPP"),
                        ErrorCodes.UNSUPPORTED_OPERATION),
                arguments("no name", person("张三", "13800000001").putNull("ApproverName"),
                        ErrorCodes.MISSING_APPROVER_NAME),
                arguments("blank name", person(" ", "13800000001"), ErrorCodes.MISSING_APPROVER_NAME),
                arguments("name with digits", person("张三3", "13800000001"), ErrorCodes.NAME),
                arguments("no mobile", person("张三", null), ErrorCodes.MISSING_APPROVER_MOBILE),
                arguments("mobile with +86", person("张三", "+8613800000001"), ErrorCodes.MOBILE),
                arguments("enterprise without organization", enterprise(null, "李四", "13800000002"),
                        ErrorCodes.MISSING_APPROVER_ORGANIZATION),
                arguments("organization with markup", enterprise("<b>公司</b>", "李四", "13800000002"),
                        ErrorCodes.ORGANIZATION_NAME),
                arguments("person with organization", person("张三", "13800000001").put("OrganizationName", "某公司"),
                        ErrorCodes.INDIVIDUAL_HAS_ORGANIZATION),
                arguments("passport", person("张三", "13800000001").put("ApproverIdCardType", "PASSPORT")
                        .put("ApproverIdCardNumber", "E12345678"), ErrorCodes.CARD_TYPE),
                arguments("wrong check digit", person("张三", "13800000001")
                        .put("ApproverIdCardNumber", "110105194912310021"), ErrorCodes.CARD_NUMBER),
                arguments("notify by wechat", person("张三", "13800000001").put("NotifyType", "wechat"),
                        ErrorCodes.NOTIFY_TYPE),
                arguments("pre-read 2 s", person("张三", "13800000001").put("PreReadTime", 2), ErrorCodes.PRE_READ_TIME),
                arguments("pre-read 301 s", person("张三", "13800000001").put("PreReadTime", 301),
                        ErrorCodes.PRE_READ_TIME),
                arguments("role 4", person("张三", "13800000001").put("ApproverRole", 4), ErrorCodes.PARAM_ERROR),
                arguments("role name with a dash", person("张三", "13800000001").put("ApproverRoleName", "甲-方"),
                        ErrorCodes.PARAM_ERROR),
                arguments("dynamic without role name", dynamic(null), ErrorCodes.MISSING_APPROVER_ROLE),
                arguments("dynamic already named", dynamic("乙方").put("ApproverName", "张三"), ErrorCodes.PARAM_ERROR),
                arguments("verify type 3", withCodes(person("张三", "13800000001"), "ApproverVerifyTypes", 3),
                        ErrorCodes.PARAM_ERROR),
                arguments("sign type 4", withCodes(person("张三", "13800000001"), "ApproverSignTypes", 4),
                        ErrorCodes.PARAM_ERROR),
                arguments("only device sign types", withCodes(person("张三", "13800000001"), "ApproverSignTypes", 5, 6),
                        ErrorCodes.PARAM_ERROR),
                arguments("tag of 65", person("张三", "13800000001").put("CustomApproverTag", "t".repeat(65)),
                        ErrorCodes.PARAM_ERROR),
                arguments("no sign controls", person("张三", "13800000001").putNull("SignComponents"),
                        ErrorCodes.MISSING_SIGN_COMPONENT),
                arguments("person with a seal", withSign(person("张三", "13800000001"), "SIGN_SEAL"),
                        ErrorCodes.NO_SUPPORT_COMPONENT_TYPE),
                arguments("person with a paging seal", withSign(person("张三", "13800000001"), "SIGN_PAGING_SEAL"),
                        ErrorCodes.NO_SUPPORT_COMPONENT_TYPE),
                arguments("auto-signer with a signature", withSign(autoSigner("示例科技有限公司", "s"), "SIGN_SIGNATURE"),
                        ErrorCodes.SERVER_SIGN_NO_SUPPORT_SIGNATURE),
                arguments("auto-signer fills", withFill(autoSigner("示例科技有限公司", "s")),
                        ErrorCodes.SERVER_SIGN_NO_ALLOW_COMPONENT),
                arguments("auto-signer for another organization", autoSigner("别家有限公司", "s"),
                        ErrorCodes.NO_OPEN_SERVER_SIGN),
                arguments("auto-signer without a seal id", autoSigner("示例科技有限公司", null),
                        ErrorCodes.MISSING_SERVER_SIGN_SEAL),
                arguments("auto-signer with an unknown seal", autoSigner("示例科技有限公司", Ids.next()),
                        ErrorCodes.SEAL_ID),
                arguments("seal restriction to an unknown seal", enterprise("示例科技有限公司", "李四", "13800000002")
                        .set("SignComponents", node().arrayNode().add(control("SIGN_SEAL")
                                .put("ComponentValue", "no-such-seal"))), ErrorCodes.SEAL_ID));
    }

    private static ObjectNode withOption(ObjectNode approver, int fillType) {
        approver.putObject("ApproverOption").put("FillType", fillType);
        return approver;
    }

    private static ObjectNode withCodes(ObjectNode approver, String field, int... codes) {
        var array = approver.putArray(field);
        for (int code : codes) {
            array.add(code);
        }
        return approver;
    }

    private static ObjectNode withSign(ObjectNode approver, String type) {
        approver.withArray("SignComponents").add(control(type).put("ComponentPosY", 300));
        return approver;
    }

    private static ObjectNode withFill(ObjectNode approver) {
        approver.putArray("Components").add(control("TEXT").put("ComponentPosY", 300));
        return approver;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedApprovers")
    void refusedWithTheCodeOfTheReference(String what, ObjectNode json, String code) {
        assertRefused(() -> check(json), code, AT);
    }

    @Test
    void personAutoSignNeedsItsSceneAndIsThenRefusedAsNotOffered() {
        ObjectNode json = person("张三", "13800000001").put("ApproverType", 7);
        assertRefused(() -> check(json), ErrorCodes.PERSON_AUTO_SIGN_TAG, AT);
        assertRefused(() -> check(json, ACTING, node().put("AutoSignScene", ApproverValidator.AUTO_SIGN_SCENE)),
                ErrorCodes.WHITE_LIST_FORBID, AT);
    }

    @Test
    void theInitiatorSealsAutomaticallyWithItsOwnSealThatAllowsIt() {
        Seal seal = seal(ACTING, true);

        FlowGroupDraft.Approver draft = check(autoSigner(ACTING.name(), seal.id()));

        assertThat(draft.type()).isEqualTo(ApproverType.ENTERPRISE_AUTO);
        assertThat(draft.name()).isNull();
        assertThat(draft.signComponents()).extracting(FlowGroupDraft.Component::value).containsExactly(seal.id());
    }

    @Test
    void autoSignIsRefusedWhenTheOrganizationHasItOff() {
        Organization off = new Organization(Ids.next(), "未开通有限公司", null, true, false);
        Seal seal = seal(off, true);
        assertRefused(() -> check(autoSigner(off.name(), seal.id()), off, node()), ErrorCodes.NO_OPEN_SERVER_SIGN, AT);
    }

    @Test
    void aSealThatDoesNotAllowAutomaticUseIsRefused() {
        Seal seal = seal(ACTING, false);
        assertRefused(() -> check(autoSigner(ACTING.name(), seal.id())),
                ErrorCodes.NO_PERMISSION_USE_SERVER_SIGN_SEAL, AT);
    }

    @Test
    void aStrangersSealIsReportedAsIfItDidNotExist() {
        Seal seal = seal(STRANGER, true);
        assertRefused(() -> check(autoSigner(ACTING.name(), seal.id())), ErrorCodes.SEAL_ID, "does not exist");
    }

    @Test
    void aSubOrganizationsSealIsKnownToItsGroupButNotAppliedAutomatically() {
        Organization child = new Organization(Ids.next(), "示例科技子公司", ACTING.id(), true, true);
        Seal seal = seal(child, true);
        assertRefused(() -> check(autoSigner(ACTING.name(), seal.id())),
                ErrorCodes.NO_PERMISSION_USE_SERVER_SIGN_SEAL, AT);
    }

    @Test
    void aSealRestrictionMustNameASealOfTheSignersOrganization() {
        Seal own = seal(STRANGER, false);
        ObjectNode signer = enterprise(STRANGER.name(), "李四", "13800000002");
        signer.withArray("SignComponents").removeAll().add(control("SIGN_SEAL").put("ComponentValue", own.id()));
        assertThat(check(signer).signComponents().get(0).value()).isEqualTo(own.id());

        ObjectNode other = enterprise("示例科技有限公司", "李四", "13800000002");
        other.withArray("SignComponents").removeAll().add(control("SIGN_SEAL").put("ComponentValue", own.id()));
        assertRefused(() -> check(other), ErrorCodes.SEAL_ID, "is not a seal of 示例科技有限公司");
    }

    @Test
    void aVerifiedEmployeeNamedByUserIdSignsUnderTheirRegisteredIdentity() {
        Employee employee = new Employee(Ids.next(), ACTING.id(), "王五", "13800000005", true, true);
        when(employees.find(employee.id())).thenReturn(Optional.of(employee));
        ObjectNode json = node().put("ApproverType", 0).put("UserId", employee.id());
        json.putArray("SignComponents").add(control("SIGN_SEAL"));

        FlowGroupDraft.Approver draft = check(json);

        assertThat(draft.name()).isEqualTo("王五");
        assertThat(draft.mobile()).isEqualTo("13800000005");
        assertThat(draft.organizationName()).isEqualTo(ACTING.name());
        assertThat(draft.userId()).isEqualTo(employee.id());
    }

    @Test
    void aUserIdOfAnotherOrganizationIsRefusedAsUnknown() {
        Employee outsider = new Employee(Ids.next(), STRANGER.id(), "赵六", "13800000006", true, true);
        when(employees.find(outsider.id())).thenReturn(Optional.of(outsider));
        assertRefused(() -> check(person("赵六", "13800000006").put("UserId", outsider.id())),
                ErrorCodes.USER_NOT_FOUND, AT + ".UserId");
    }
}
