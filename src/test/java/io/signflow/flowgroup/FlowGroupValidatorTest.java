package io.signflow.flowgroup;

import static io.signflow.flowgroup.RuleRequests.A4_TWO_PAGES;
import static io.signflow.flowgroup.RuleRequests.assertRefused;
import static io.signflow.flowgroup.RuleRequests.control;
import static io.signflow.flowgroup.RuleRequests.node;
import static io.signflow.flowgroup.RuleRequests.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiJson;
import io.signflow.api.ErrorCodes;
import io.signflow.common.CallbackAddressPolicy;
import io.signflow.common.Ids;
import io.signflow.document.DocumentService;
import io.signflow.document.FileResource;
import io.signflow.document.PdfLayouts;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Employee;
import io.signflow.tenant.EmployeeRepository;
import io.signflow.tenant.Organization;
import io.signflow.tenant.OrganizationRepository;
import io.signflow.tenant.SealRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A whole CreateFlowGroupByFiles request against the reference (2.1-2.3, 2.7 and section 5). */
class FlowGroupValidatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final String FILE = Ids.next();
    private static final Organization ACTING = new Organization(Ids.next(), "示例科技有限公司", null, true, true);
    private static final Employee OPERATOR = new Employee(Ids.next(), ACTING.id(), "操作员", "13800000000", true, true);
    private static final ApiCaller CALLER = new ApiCaller(ACTING.id(), "AKID", "203.0.113.9");

    private final ActingPartyResolver actingParties = mock(ActingPartyResolver.class);
    private final DocumentService documents = mock(DocumentService.class);
    private final FlowGroupValidator validator = new FlowGroupValidator(actingParties, documents,
            new ApproverValidator(mock(EmployeeRepository.class), mock(SealRepository.class),
                    mock(OrganizationRepository.class)),
            new ComponentPlacement(mock(PdfLayouts.class)), new CallbackAddressPolicy(false), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void anOperatorAndAnUploadedPdf() {
        when(actingParties.resolve(eq(CALLER), any(io.signflow.tenant.UserInfo.class), any()))
                .thenReturn(new ActingParty(OPERATOR, ACTING, ACTING));
        FileResource pdf = new FileResource(FILE, ACTING.id(), "DOCUMENT", "a.pdf", "pdf", 1000, 2, null);
        when(documents.usableDocuments(eq(ACTING), anyCollection()))
                .thenReturn(Map.of(FILE, new DocumentService.UsableDocument(pdf, A4_TWO_PAGES)));
    }

    /** A group of {@code flows} contracts of the uploaded PDF, each signed by one person. */
    private static ObjectNode group(int flows) {
        ObjectNode request = node().put("FlowGroupName", "测试合同组");
        request.putObject("Operator").put("UserId", OPERATOR.id());
        ArrayNode infos = request.putArray("FlowGroupInfos");
        for (int i = 0; i < flows; i++) {
            ObjectNode info = infos.addObject().put("FlowName", "测试合同" + (i + 1));
            info.putArray("FileIds").add(FILE);
            info.putArray("Approvers").add(person("张三", "13800000001"));
        }
        return request;
    }

    private static ObjectNode firstFlow(ObjectNode request) {
        return (ObjectNode) request.get("FlowGroupInfos").get(0);
    }

    private FlowGroupDraft validate(ObjectNode request) {
        return validator.validate(CALLER, ApiJson.MAPPER.convertValue(request, CreateFlowGroupByFilesRequest.class));
    }

    @Test
    void aGroupWithoutOptionsGetsTheDefaultsOfTheReference() {
        FlowGroupDraft draft = validate(group(2));

        assertThat(draft.flows()).hasSize(2);
        assertThat(draft.organizationId()).isEqualTo(ACTING.id());
        assertThat(draft.operatorUserId()).isEqualTo(OPERATOR.id());
        assertThat(draft.clientIp()).isEqualTo("203.0.113.9");
        assertThat(draft.approverVerifyType()).isEqualTo("VerifyCheck");
        assertThat(draft.selfNotifyType()).isEqualTo("sms");
        assertThat(draft.otherNotifyType()).isEqualTo("sms");
        assertThat(draft.createdAt()).isEqualTo(NOW);
        // an unset Deadline is one year, as ESS's callbacks show: CreateOn + 31536000
        assertThat(draft.flows().get(0).deadline()).isEqualTo(NOW.plusSeconds(31_536_000));
        assertThat(draft.flows().get(0).fileId()).isEqualTo(FILE);
        assertThat(draft.flows().get(0).unordered()).isFalse();
    }

    @Test
    void aDeadlineOfZeroMeansUnsetAsTheSeedSendsIt() {
        ObjectNode request = group(2);
        firstFlow(request).put("Deadline", 0);
        assertThat(validate(request).flows().get(0).deadline()).isEqualTo(NOW.plusSeconds(31_536_000));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 3660L * 86_400})
    void aDeadlineFromASecondToTenYearsAheadIsKept(long secondsAhead) {
        ObjectNode request = group(2);
        firstFlow(request).put("Deadline", NOW.getEpochSecond() + secondsAhead);
        assertThat(validate(request).flows().get(0).deadline()).isEqualTo(NOW.plusSeconds(secondsAhead));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -60, 3660L * 86_400 + 1})
    void aDeadlineNowPastOrBeyondTenYearsIsRefused(long secondsAhead) {
        ObjectNode request = group(2);
        firstFlow(request).put("Deadline", NOW.getEpochSecond() + secondsAhead);
        assertRefused(() -> validate(request), ErrorCodes.FLOW_DEADLINE, "FlowGroupInfos[0].Deadline");
    }

    @Test
    void aDeadlineInMillisecondsOrBeyondAnInstantIsRefused() {
        for (long deadline : new long[] {NOW.toEpochMilli(), Long.MAX_VALUE}) {
            ObjectNode request = group(2);
            firstFlow(request).put("Deadline", deadline);
            assertRefused(() -> validate(request), ErrorCodes.FLOW_DEADLINE, "FlowGroupInfos[0].Deadline");
        }
    }

    @Test
    void fiftyContractsAreAcceptedWithOptionsInAnyCase() {
        ObjectNode request = group(50);
        request.putObject("FlowGroupOptions").put("ApproverVerifyType", "MobileCheck")
                .put("SelfOrganizationApproverNotifyType", "NONE").put("OtherApproverNotifyType", "Sms");
        firstFlow(request).put("CallbackUrl", " https://example.com/cb ").put("Unordered", true)
                .put("UserData", "c2lnbmZsb3c=").put("FlowDisplayType", 3);

        FlowGroupDraft draft = validate(request);

        assertThat(draft.flows()).hasSize(50);
        assertThat(draft.approverVerifyType()).isEqualTo("MobileCheck");
        assertThat(draft.selfNotifyType()).isEqualTo("none");
        assertThat(draft.otherNotifyType()).isEqualTo("sms");
        assertThat(draft.flows().get(0).callbackUrl()).isEqualTo("https://example.com/cb");
        assertThat(draft.flows().get(0).unordered()).isTrue();
        assertThat(draft.flows().get(0).displayType()).isEqualTo(3);
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                arguments("group name with markup", edit(r -> r.put("FlowGroupName", "<b>组</b>")),
                        ErrorCodes.PARAM_ERROR, "FlowGroupName"),
                arguments("one contract", edit(r -> r.withArray("FlowGroupInfos").remove(1)), ErrorCodes.PARAM_ERROR,
                        "FlowGroupInfos must hold 2 to 50"),
                arguments("face check option", edit(r -> r.putObject("FlowGroupOptions")
                        .put("ApproverVerifyType", "FaceCheck")), ErrorCodes.PARAM_ERROR, "ApproverVerifyType"),
                arguments("notify by email", edit(r -> r.putObject("FlowGroupOptions")
                        .put("OtherApproverNotifyType", "email")), ErrorCodes.NOTIFY_TYPE, "OtherApproverNotifyType"),
                arguments("flow name with a newline", flow(f -> f.put("FlowName", "合同\n")), ErrorCodes.FLOW_NAME,
                        "FlowName"),
                arguments("flow type of 201", flow(f -> f.put("FlowType", "类".repeat(201))), ErrorCodes.FLOW_TYPE,
                        "FlowType"),
                arguments("flow type with a control character", flow(f -> f.put("FlowType", "a\u0000")),
                        ErrorCodes.FLOW_TYPE, "FlowType"),
                arguments("description of 1001", flow(f -> f.put("FlowDescription", "述".repeat(1001))),
                        ErrorCodes.FLOW_DESCRIPTION, "FlowDescription"),
                arguments("callback to loopback", flow(f -> f.put("CallbackUrl", "http://127.0.0.1/cb")),
                        ErrorCodes.FLOW_CALLBACK_URL, "CallbackUrl"),
                arguments("callback by ftp", flow(f -> f.put("CallbackUrl", "ftp://example.com/cb")),
                        ErrorCodes.FLOW_CALLBACK_URL, "CallbackUrl"),
                arguments("user data not base64", flow(f -> f.put("UserData", "not base64!")),
                        ErrorCodes.FLOW_USER_DATA, "UserData"),
                arguments("user data of 20484", flow(f -> f.put("UserData", "QUJD".repeat(5121))),
                        ErrorCodes.FLOW_USER_DATA, "UserData"),
                arguments("display type 4", flow(f -> f.put("FlowDisplayType", 4)), ErrorCodes.PARAM_ERROR,
                        "FlowDisplayType"),
                arguments("a copied party without a name", flow(f -> f.putArray("CcInfos").addObject()
                        .put("Mobile", "13900000001")), ErrorCodes.NAME, "FlowGroupInfos[0].CcInfos[0].Name"),
                arguments("a signer copied too", flow(f -> f.putArray("CcInfos").addObject().put("Name", "张三")
                        .put("Mobile", "13800000001")), ErrorCodes.CC_USER_REPEAT, "FlowGroupInfos[0].CcInfos[0]"),
                arguments("CcNotifyType 2", flow(f -> f.put("CcNotifyType", 2)), ErrorCodes.PARAM_ERROR,
                        "CcNotifyType"),
                arguments("a template", flow(f -> f.put("TemplateId", "tpl")), ErrorCodes.PARAM_ERROR, "TemplateId"),
                arguments("no file", flow(f -> f.putArray("FileIds")), ErrorCodes.MISSING_RESOURCE_ID, "FileIds"),
                arguments("blank file id", flow(f -> f.putArray("FileIds").add(" ")), ErrorCodes.MISSING_RESOURCE_ID,
                        "FileIds"),
                arguments("two files", flow(f -> f.withArray("FileIds").add(FILE)), ErrorCodes.MANY_RESOURCE_ID,
                        "FileIds"),
                arguments("no signer", flow(f -> f.putArray("Approvers")), ErrorCodes.MISSING_FLOW_APPROVER,
                        "Approvers"),
                arguments("51 signers", flow(f -> {
                    ArrayNode approvers = f.putArray("Approvers");
                    for (int i = 0; i < 51; i++) {
                        approvers.add(person("张三", String.format("138%08d", i)));
                    }
                }), ErrorCodes.PARAM_ERROR, "at most 50 signers"),
                arguments("the same person twice", flow(f -> f.withArray("Approvers").add(person("张三", "13800000001"))),
                        ErrorCodes.APPROVER_REPEAT, "FlowGroupInfos[0].Approvers[1]"),
                arguments("a control id used twice", flow(f -> {
                    ((ObjectNode) f.withArray("Approvers").get(0).withArray("SignComponents").get(0)).put("ComponentId", "签名");
                    f.putArray("Components").add(control("TEXT").put("ComponentPosY", 300).put("ComponentId", "签名"));
                }), ErrorCodes.SIGN_COMPONENTS, "ComponentId 签名 is used twice"));
    }

    private static ObjectNode edit(Consumer<ObjectNode> change) {
        ObjectNode request = group(2);
        change.accept(request);
        return request;
    }

    private static ObjectNode flow(Consumer<ObjectNode> change) {
        return edit(request -> change.accept(firstFlow(request)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void refusedWithTheCodeOfTheReference(String what, ObjectNode request, String code, String message) {
        assertRefused(() -> validate(request), code, message);
    }

    @Test
    void fiftyOneContractsAreRefused() {
        assertRefused(() -> validate(group(51)), ErrorCodes.PARAM_ERROR, "it holds 51");
    }

    @Test
    void twoDynamicSignersOfOneRoleAreNotTheSameSigner() {
        ObjectNode request = group(2);
        for (int i = 0; i < 2; i++) {
            ObjectNode dynamic = node().put("ApproverType", 0).put("ApproverRoleName", "乙方" + i);
            dynamic.putObject("ApproverOption").put("FillType", 1);
            dynamic.putArray("SignComponents").add(control("SIGN_SEAL").put("ComponentPosY", 200 + 100 * i));
            firstFlow(request).withArray("Approvers").add(dynamic);
        }
        assertThat(validate(request).flows().get(0).approvers()).hasSize(3);
    }

    @Test
    void theSamePersonMaySignForThemselvesAndForAnEnterprise() {
        ObjectNode request = group(2);
        firstFlow(request).withArray("Approvers").add(RuleRequests.enterprise("别家有限公司", "张三", "13800000001"));
        assertThat(validate(request).flows().get(0).approvers()).extracting(FlowGroupDraft.Approver::type)
                .containsExactly(ApproverType.PERSON, ApproverType.ENTERPRISE);
    }

    @Test
    void anInitiatorsImageMustBeAnImageTheOrganizationUploaded() {
        ObjectNode request = group(2);
        String image = Ids.next();
        firstFlow(request).putArray("Components").add(control("FILL_IMAGE").put("ComponentPosY", 300)
                .put("ComponentValue", image));

        validate(request);

        verify(documents).requireImage(ACTING, image, "FlowGroupInfos[0].Components[0].ComponentValue");
    }
}
