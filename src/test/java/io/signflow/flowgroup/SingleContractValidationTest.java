package io.signflow.flowgroup;

import static io.signflow.flowgroup.RuleRequests.A4_TWO_PAGES;
import static io.signflow.flowgroup.RuleRequests.node;
import static io.signflow.flowgroup.RuleRequests.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CreateFlowByFiles goes through the sub-contract's rules, its fields named from the request's root. */
class SingleContractValidationTest {

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

    private static ObjectNode contract() {
        ObjectNode request = node().put("FlowName", "租赁合同");
        request.putObject("Operator").put("UserId", OPERATOR.id());
        request.putArray("FileIds").add(FILE);
        request.putArray("Approvers").add(person("张三", "13800000001"));
        return request;
    }

    private FlowGroupDraft validate(ObjectNode json) {
        CreateFlowByFilesRequest request = ApiJson.MAPPER.convertValue(json, CreateFlowByFilesRequest.class);
        return validator.validateContract(CALLER, request.operator(), request.agent(), request.approverVerifyType(),
                request.contract());
    }

    @Test
    void aContractIsADraftOfOneWithTheDefaultsOfASubContract() {
        FlowGroupDraft draft = validate(contract().put("ApproverVerifyType", "MobileCheck"));

        assertThat(draft.name()).isEqualTo("租赁合同");
        assertThat(draft.flows()).singleElement().satisfies(flow -> {
            assertThat(flow.fileId()).isEqualTo(FILE);
            assertThat(flow.deadline()).isEqualTo(NOW.plusSeconds(31_536_000));
            assertThat(flow.approvers()).singleElement().extracting(FlowGroupDraft.Approver::name).isEqualTo("张三");
        });
        assertThat(draft.approverVerifyType()).isEqualTo("MobileCheck");
        assertThat(draft.selfNotifyType()).isEqualTo("sms");
        assertThat(draft.otherNotifyType()).isEqualTo("sms");
    }

    @Test
    void refusalsNameTheFieldFromTheRoot() {
        ObjectNode badMobile = contract();
        ((ObjectNode) badMobile.at("/Approvers/0")).put("ApproverMobile", "12");
        assertThatThrownBy(() -> validate(badMobile)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.MOBILE);
            assertThat(e.getMessage()).startsWith("Approvers[0].ApproverMobile");
        });
        assertThatThrownBy(() -> validate(contract().put("FlowName", "<b>")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCodes.FLOW_NAME);
                    assertThat(e.getMessage()).startsWith("FlowName must be");
                });
        assertThatThrownBy(() -> validate(contract().put("ApproverVerifyType", "FaceCheck")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.PARAM_ERROR));
    }

    @Test
    void copiedPartiesAndReviewsGoThroughTheSubContractRules() {
        ObjectNode copied = contract().put("NeedSignReview", true).put("CcNotifyType", 1);
        copied.putArray("CcInfos").addObject().put("Mobile", "13800000002").put("Name", "王五");
        FlowGroupDraft.Flow flow = validate(copied).flows().get(0);
        assertThat(flow.needSignReview()).isTrue();
        assertThat(flow.ccNotifyWhen()).isEqualTo(CcMoment.COMPLETED);
        assertThat(flow.copiedParties()).singleElement().extracting(FlowGroupDraft.CopiedParty::name).isEqualTo("王五");

        ObjectNode signerCopied = contract();
        signerCopied.putArray("CcInfos").addObject().put("Mobile", "13800000001").put("Name", "张三");
        assertThatThrownBy(() -> validate(signerCopied)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.CC_USER_REPEAT);
            assertThat(e.getMessage()).startsWith("CcInfos");
        });
    }

    @Test
    void aMessageAboutTheRootLosesTheSeparatorOnly() {
        assertThat(FlowGroupValidator.fromRoot(".FlowName must be")).isEqualTo("FlowName must be");
        assertThat(FlowGroupValidator.fromRoot(": ComponentId a is used twice")).isEqualTo("ComponentId a is used twice");
        assertThat(FlowGroupValidator.fromRoot("The file x does not exist.")).isEqualTo("The file x does not exist.");
    }
}
