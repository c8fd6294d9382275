package io.signflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.common.Ids;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import io.signflow.support.TestPdfs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every action and every id it takes, used by a stranger with another organization's id — files,
 * seals, organizations, contracts, groups, signers (RecipientId) and, for every action that names one,
 * the operator — and the signer page with a real link of the stranger's own group aimed at the
 * victim's contract: the answer is the documented refusal, and it is the very answer the stranger
 * gets for an id that does not exist at all, so nobody can even learn that another organization's id
 * is real.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    /** {@code body} builds the stranger's request around an id: the victim's, or one that exists nowhere. */
    private record Case(String action, String idKind, Function<String, Object> body, String victimId, String code) {
    }

    /** A request on the signer page's API, with a real link of the stranger's group, around an id. */
    private record SignerCase(String what, Function<String, AdminClient.Reply> request, String victimId, int status) {
    }

    private Tenant victim;
    private Tenant stranger;
    private String groupId;
    private String flowId;
    private String recipientId;
    private String dynamicRecipientId;
    /** The stranger's own group, so that the only foreign thing in a request is the id under test. */
    private String ownGroupId;
    private String ownFlowId;
    private String ownRecipientId;
    private String ownDynamicFlowId;
    private String ownDynamicRecipientId;
    private SignerClient ownSigner;

    private Map<String, Object> operator() {
        return Map.of("UserId", stranger.operatorId());
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("CreateFlowGroupByFiles", "FileIds", id -> {
            ObjectNode request = Requests.group(stranger, 2, List.of(Requests.autoSigner(stranger)));
            request.get("FlowGroupInfos").forEach(f -> ((ObjectNode) f).putArray("FileIds").add(id));
            return request;
        }, victim.fileId(), "ResourceNotFound.Resource"));
        cases.add(new Case("CreateFlowGroupByFiles", "SealId", id -> {
            ObjectNode signer = Requests.autoSigner(stranger);
            ((ObjectNode) signer.get("SignComponents").get(0)).put("ComponentValue", id);
            return Requests.group(stranger, 2, List.of(signer));
        }, victim.sealId(), "InvalidParameter.SealId"));
        cases.add(new Case("CreateFlowGroupByFiles", "ProxyOrganizationId", id -> {
            ObjectNode request = Requests.group(stranger, 2, List.of(Requests.autoSigner(stranger)));
            request.putObject("Agent").put("ProxyOrganizationId", id);
            return request;
        }, victim.organizationId(), "ResourceNotFound.Organization"));
        cases.add(new Case("DescribeFlowInfo", "Operator.UserId", id -> Map.of("Operator", Map.of("UserId", id),
                "FlowIds", List.of(flowId)), victim.operatorId(), "ResourceNotFound.User"));
        cases.add(new Case("DescribeFlowInfo", "FlowIds", id -> Map.of("Operator", operator(), "FlowIds", List.of(id)),
                flowId, "FailedOperation"));
        cases.add(new Case("DescribeFlowInfo", "FlowGroupId", id -> Map.of("Operator", operator(), "FlowGroupId", id),
                groupId, "FailedOperation"));
        cases.add(new Case("DescribeFlowBriefs", "FlowIds", id -> Map.of("Operator", operator(), "FlowIds", List.of(id)),
                flowId, "OK"));
        cases.add(new Case("CancelFlow", "FlowId", id -> Map.of("Operator", operator(), "FlowId", id,
                "CancelMessage", "取消"), flowId, "ResourceNotFound.Flow"));
        cases.add(new Case("CreateFlowSignUrl", "FlowId", id -> Map.of("Operator", operator(), "FlowId", id,
                "FlowApproverInfos", List.of(Map.of("RecipientId", recipientId))), flowId, "ResourceNotFound.Flow"));
        cases.add(new Case("CreateSchemeUrl", "FlowGroupId", id -> Map.of("Operator", operator(), "FlowGroupId", id,
                "RecipientId", recipientId, "EndPoint", "HTTP"), groupId, "ResourceNotFound.Flow"));
        cases.add(new Case("CreateSchemeUrl", "FlowId", id -> Map.of("Operator", operator(), "FlowId", id,
                "RecipientId", recipientId, "EndPoint", "HTTP"), flowId, "ResourceNotFound.Flow"));
        cases.add(new Case("CreateFlowApprovers", "FlowGroupId", id -> Map.of("Operator", operator(),
                "FlowGroupId", id, "FillApproverType", 1, "Approvers", List.of(Map.of("FlowId", flowId,
                        "RecipientId", recipientId, "ApproverName", "补充", "ApproverMobile", "13800000013"))),
                groupId, "ResourceNotFound.Flow"));
        cases.add(new Case("CreateFlowApprovers", "FlowId", id -> Map.of("Operator", operator(), "FlowId", id,
                "FillApproverType", 1, "Approvers", List.of(Map.of("RecipientId", recipientId, "ApproverName", "补充",
                        "ApproverMobile", "13800000013"))), flowId, "ResourceNotFound.Flow"));
        cases.add(new Case("CreateFlowReminds", "FlowIds", id -> Map.of("Operator", operator(), "FlowIds", List.of(id)),
                flowId, null));
        cases.add(new Case("DescribeFileUrls", "BusinessIds", id -> Map.of("Operator", operator(), "BusinessType", "FLOW",
                "BusinessIds", List.of(id)), flowId, "ResourceNotFound"));
        cases.add(new Case("VerifyPdf", "FlowId", id -> Map.of("Operator", operator(), "FlowId", id), flowId,
                "ResourceNotFound.Flow"));
        cases.add(new Case("UploadFiles", "ProxyOrganizationId", id -> Map.of("BusinessType", "DOCUMENT",
                "Caller", Map.of("OperatorId", stranger.operatorId()), "Agent", Map.of("ProxyOrganizationId", id),
                "FileInfos", List.of(Map.of("FileName", "a.pdf", "FileBody", TestPdfs.base64(TestPdfs.a4(1))))),
                victim.organizationId(), "ResourceNotFound.Organization"));
        cases.add(new Case("DescribeBillUsageDetail", "ProxyOrganizationId", id -> Map.of("StartTime", "20261101",
                "EndTime", "20261130", "Agent", Map.of("ProxyOrganizationId", id)), victim.organizationId(),
                "ResourceNotFound.Organization"));
        // the actions of whole groups, single contracts, links, reminders and reviews
        Map<String, Object> victimsSigner = Map.of("ApproverType", 1, "ApproverName", "受害人",
                "ApproverMobile", "13900000077");
        cases.add(new Case("CreateFlowByFiles", "FileIds", id -> Map.of("Operator", operator(), "FlowName", "单份",
                "FileIds", List.of(id), "Approvers", List.of(Requests.person("陌生人", "13800000014"))),
                victim.fileId(), "ResourceNotFound.Resource"));
        cases.add(new Case("DescribeFlowComponents", "FlowId", id -> Map.of("Operator", operator(), "FlowId", id),
                flowId, "ResourceNotFound.Flow"));
        cases.add(new Case("CreateBatchQuickSignUrl", "FlowGroupId", id -> Map.of("Operator", operator(),
                "FlowGroupId", id, "FlowApproverInfo", victimsSigner), groupId, "ResourceNotFound.Flow"));
        cases.add(new Case("CreateBatchQuickSignUrl", "FlowIds", id -> Map.of("Operator", operator(),
                "FlowIds", List.of(id), "FlowApproverInfo", victimsSigner), flowId, "ResourceNotFound.Flow"));
        cases.add(new Case("CreateBatchQuickSignUrl", "FlowApproverInfo.RecipientId", id -> Map.of("Operator", operator(),
                "FlowGroupId", ownGroupId, "FlowApproverInfo", Map.of("RecipientId", id)), recipientId, "ResourceNotFound"));
        cases.add(new Case("CreateOrganizationBatchSignUrl", "FlowGroupId", id -> Map.of("Operator", operator(),
                "FlowGroupId", id, "UserId", stranger.operatorId()), groupId, "ResourceNotFound.Flow"));
        cases.add(new Case("CreateOrganizationBatchSignUrl", "FlowIds", id -> Map.of("Operator", operator(),
                "FlowIds", List.of(id), "RecipientIds", List.of(recipientId)), flowId, "ResourceNotFound.Flow"));
        cases.add(new Case("CreateFlowGroupReminds", "FlowGroupId", id -> Map.of("Operator", operator(),
                "FlowGroupId", id), groupId, "ResourceNotFound.Flow"));
        cases.add(new Case("CreateFlowSignReview", "FlowId", id -> Map.of("Operator", operator(), "FlowId", id,
                "ReviewType", "SIGN_REJECT", "ReviewMessage", "驳回", "RecipientId", recipientId), flowId,
                "ResourceNotFound.Flow"));
        cases.add(new Case("CreateFlowGroupSignReview", "FlowGroupId", id -> Map.of("Operator", operator(),
                "FlowGroupId", id, "ReviewType", "SIGN_REJECT", "ReviewMessage", "驳回", "ApproverInfo",
                Map.of("ApproverType", "PERSON", "ApproverName", "受害人", "ApproverMobile", "13900000077")),
                groupId, "ResourceNotFound.Flow"));
        cases.add(new Case("ModifyFlowGroupDeadline", "FlowGroupId", id -> Map.of("Operator", operator(),
                "FlowGroupId", id, "Deadline", java.time.Instant.now().plus(java.time.Duration.ofDays(400))
                        .getEpochSecond()), groupId, "ResourceNotFound.Flow"));
        cases.add(new Case("CancelFlowGroup", "FlowGroupId", id -> Map.of("Operator", operator(), "FlowGroupId", id,
                "CancelMessage", "取消"), groupId, "ResourceNotFound.Flow"));
        // the stranger's own contracts with the victim's signers
        cases.add(new Case("CreateFlowSignUrl", "RecipientId", id -> Map.of("Operator", operator(), "FlowId", ownFlowId,
                "FlowApproverInfos", List.of(Map.of("RecipientId", id))), recipientId, "ResourceNotFound"));
        cases.add(new Case("CreateSchemeUrl", "RecipientId", id -> Map.of("Operator", operator(),
                "FlowGroupId", ownGroupId, "RecipientId", id, "EndPoint", "HTTP"), recipientId, "ResourceNotFound"));
        cases.add(new Case("CreateFlowApprovers", "RecipientId", id -> Map.of("Operator", operator(), "FlowId", ownDynamicFlowId,
                "FillApproverType", 1, "Approvers", List.of(Map.of("RecipientId", id, "ApproverName", "补充",
                        "ApproverMobile", "13800000013"))), dynamicRecipientId, "ResourceNotFound.FlowApprover"));
        // every action that names its operator, with the victim's employee as the stranger's operator
        for (Map.Entry<String, Function<Map<String, Object>, Object>> action : ownRequests().entrySet()) {
            cases.add(new Case(action.getKey(), action.getKey().equals("UploadFiles") ? "Caller.OperatorId"
                    : "Operator.UserId", id -> action.getValue().apply(Map.of("UserId", id)), victim.operatorId(),
                    "ResourceNotFound.User"));
        }
        return cases;
    }

    /** Requests of the stranger's about its own things, for a given Operator. */
    private Map<String, Function<Map<String, Object>, Object>> ownRequests() {
        Map<String, Function<Map<String, Object>, Object>> requests = new java.util.LinkedHashMap<>();
        requests.put("CreateFlowGroupByFiles", op -> {
            ObjectNode request = Requests.group(stranger, 2, List.of(Requests.autoSigner(stranger)));
            request.set("Operator", io.signflow.support.ApiClient.JSON.valueToTree(op));
            return request;
        });
        requests.put("DescribeFlowBriefs", op -> Map.of("Operator", op, "FlowIds", List.of(ownFlowId)));
        requests.put("CancelFlow", op -> Map.of("Operator", op, "FlowId", ownFlowId, "CancelMessage", "取消"));
        requests.put("CreateFlowSignUrl", op -> Map.of("Operator", op, "FlowId", ownFlowId,
                "FlowApproverInfos", List.of(Map.of("RecipientId", ownRecipientId))));
        requests.put("CreateSchemeUrl", op -> Map.of("Operator", op, "FlowGroupId", ownGroupId,
                "RecipientId", ownRecipientId, "EndPoint", "HTTP"));
        requests.put("CreateFlowApprovers", op -> Map.of("Operator", op, "FlowId", ownDynamicFlowId, "FillApproverType", 1,
                "Approvers", List.of(Map.of("RecipientId", ownDynamicRecipientId, "ApproverName", "补充",
                        "ApproverMobile", "13800000013"))));
        requests.put("CreateFlowReminds", op -> Map.of("Operator", op, "FlowIds", List.of(ownFlowId)));
        requests.put("DescribeFileUrls", op -> Map.of("Operator", op, "BusinessType", "FLOW",
                "BusinessIds", List.of(ownFlowId)));
        requests.put("VerifyPdf", op -> Map.of("Operator", op, "FlowId", ownFlowId));
        requests.put("DescribeFlowComponents", op -> Map.of("Operator", op, "FlowId", ownFlowId));
        requests.put("CreateOrganizationBatchSignUrl", op -> Map.of("Operator", op, "FlowGroupId", ownGroupId,
                "UserId", stranger.operatorId()));
        requests.put("CreateFlowGroupReminds", op -> Map.of("Operator", op, "FlowGroupId", ownGroupId));
        requests.put("ModifyFlowGroupDeadline", op -> Map.of("Operator", op, "FlowGroupId", ownGroupId, "Deadline",
                java.time.Instant.now().plus(java.time.Duration.ofDays(400)).getEpochSecond()));
        requests.put("CancelFlowGroup", op -> Map.of("Operator", op, "FlowGroupId", ownGroupId, "CancelMessage", "取消"));
        requests.put("UploadFiles", op -> Map.of("BusinessType", "DOCUMENT", "Caller", Map.of("OperatorId", op.get("UserId")),
                "FileInfos", List.of(Map.of("FileName", "a.pdf", "FileBody", TestPdfs.base64(TestPdfs.a4(1))))));
        return requests;
    }

    /** The signer page with a real link of the stranger's group, aimed at the victim's contract. */
    private List<SignerCase> signerCases() {
        return List.of(
                new SignerCase("a page of another group's contract", id -> admin().send("GET", "/sign/api/"
                        + ownSigner.token() + "/flows/" + id + "/files/0/pages/1.png", null, false), flowId, 404),
                new SignerCase("rejecting another group's contract", id -> ownSigner.reject("000000", "不同意", List.of(id)),
                        flowId, 409));
    }

    @TestFactory
    Stream<DynamicTest> anotherOrganizationsIdIsRefusedExactlyLikeANonexistentOne() {
        victim = tenants().create();
        stranger = tenants().create();
        JsonNode created = victim.api().ok("CreateFlowGroupByFiles", Requests.group(victim, 2,
                List.of(Requests.autoSigner(victim), Requests.person("受害人", "13900000077"))));
        groupId = created.get("FlowGroupId").asText();
        flowId = created.at("/FlowIds/0").asText();
        recipientId = created.at("/Approvers/0/Approvers/1/RecipientId").asText();
        dynamicRecipientId = victim.api().ok("CreateFlowGroupByFiles", Requests.group(victim, 2,
                List.of(dynamicSigner()))).at("/Approvers/0/Approvers/0/RecipientId").asText();
        String ownMobile = Tenants.mobile();
        JsonNode own = stranger.api().ok("CreateFlowGroupByFiles", Requests.group(stranger, 2,
                List.of(Requests.person("陌生人", ownMobile))));
        ownGroupId = own.get("FlowGroupId").asText();
        ownFlowId = own.at("/FlowIds/0").asText();
        ownRecipientId = own.at("/Approvers/0/Approvers/0/RecipientId").asText();
        JsonNode ownDynamic = stranger.api().ok("CreateFlowGroupByFiles", Requests.group(stranger, 2,
                List.of(dynamicSigner())));
        ownDynamicFlowId = ownDynamic.at("/FlowIds/0").asText();
        ownDynamicRecipientId = ownDynamic.at("/Approvers/0/Approvers/0/RecipientId").asText();
        ownSigner = SignerClient.invited(admin(), ownMobile);
        long victimsQuota = admin().get("/admin/organizations/" + victim.organizationId() + "/quota").get("used").asLong();
        JsonNode victimsFlowBefore = victimsFlow();
        String victimsDeadlineBefore = victimsDeadline();

        return Stream.concat(cases().stream().map(c -> DynamicTest.dynamicTest(c.action() + " with a stranger's "
                + c.idKind(), () -> {
            String nobodysId = Ids.next();
            JsonNode withVictimsId = stranger.api().call(c.action(), c.body().apply(c.victimId()));
            JsonNode withNobodysId = stranger.api().call(c.action(), c.body().apply(nobodysId));
            if (c.code() != null) {
                assertThat(code(withVictimsId)).isEqualTo(c.code());
            }
            assertThat(comparable(withVictimsId, c.victimId())).isEqualTo(comparable(withNobodysId, nobodysId));
        })), Stream.concat(signerCases().stream().map(c -> DynamicTest.dynamicTest("the signer page: " + c.what(), () -> {
            String nobodysId = Ids.next();
            AdminClient.Reply withVictimsId = c.request().apply(c.victimId());
            AdminClient.Reply withNobodysId = c.request().apply(nobodysId);
            assertThat(withVictimsId.status()).isEqualTo(c.status());
            assertThat(withVictimsId.status()).isEqualTo(withNobodysId.status());
            assertThat(String.valueOf(withVictimsId.body()).replace(c.victimId(), "<id>"))
                    .isEqualTo(String.valueOf(withNobodysId.body()).replace(nobodysId, "<id>"));
        })), Stream.of(DynamicTest.dynamicTest("a used-up link can no longer ask for a code, sign, reject or show pages", () -> {
            String mobile = Tenants.mobile();
            String flowId = stranger.api().ok("CreateFlowGroupByFiles", Requests.group(stranger, 2,
                    List.of(Requests.person("用完", mobile)))).at("/FlowIds/0").asText();
            SignerClient signer = SignerClient.invited(admin(), mobile);
            assertThat(signer.page(flowId, 1).status()).isEqualTo(200);
            String code = signer.code();
            assertThat(signer.sign(code).status()).isEqualTo(200);
            assertThat(signer.requestCode().status()).isEqualTo(409);
            assertThat(signer.sign(code).status()).isEqualTo(409);
            assertThat(signer.reject(code, "后悔了").status()).isEqualTo(409);
            assertThat(signer.page(flowId, 1).status()).isEqualTo(410);
            JsonNode view = signer.view().body();
            assertThat(view.get("state").asText()).isEqualTo("DONE");
            // what became of each contract, and nothing more
            assertThat(view.at("/contracts/0/approveStatus").asInt()).isEqualTo(3);
            assertThat(view.at("/contracts/0/pages")).isEmpty();
            assertThat(view.at("/contracts/0/fields")).isEmpty();
        }), DynamicTest.dynamicTest("the victim's contracts and quota are untouched", () -> {
            JsonNode victimsFlow = victimsFlow();
            assertThat(victimsFlow.get("FlowStatus").asInt()).isEqualTo(1);
            assertThat(victimsDeadline()).as("not moved by ModifyFlowGroupDeadline").isEqualTo(victimsDeadlineBefore);
            assertThat(victimsFlow.at("/FlowApproverInfos/1/ApproveStatus"))
                    .as("not rejected by a signing review").isEqualTo(victimsFlowBefore.at("/FlowApproverInfos/1/ApproveStatus"));
            assertThat(admin().get("/admin/organizations/" + victim.organizationId() + "/quota").get("used").asLong())
                    .isEqualTo(victimsQuota);
            assertThat(jdbc.sql("select name from approver where recipient_id = ?").param(dynamicRecipientId)
                    .query(String.class).optional()).as("the victim's dynamic signer is still unnamed").isEmpty();
            assertThat(SignerClient.invited(admin(), "13900000077").view().body().get("state").asText())
                    .isEqualTo("TO_SIGN");
        }))));
    }

    private JsonNode victimsFlow() {
        return victim.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", victim.operatorId()),
                "FlowGroupId", groupId)).at("/FlowDetailInfos/0");
    }

    private String victimsDeadline() {
        return jdbc.sql("select deadline from flow where id = ?").param(flowId).query(String.class).single();
    }

    private static ObjectNode dynamicSigner() {
        ObjectNode dynamic = Requests.person("占位", "13800000000");
        dynamic.remove(List.of("ApproverName", "ApproverMobile"));
        dynamic.put("ApproverRoleName", "乙方");
        dynamic.putObject("ApproverOption").put("FillType", 1);
        return dynamic;
    }

    private static String code(JsonNode response) {
        return response.has("Error") ? response.at("/Error/Code").asText() : "OK";
    }

    /** The answer without its RequestId, the id it was asked about written as {@code <id>}. */
    private static String comparable(JsonNode response, String id) {
        ObjectNode copy = response.deepCopy();
        copy.remove("RequestId");
        return copy.toString().replace(id, "<id>");
    }
}
