package io.signflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.common.Ids;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import io.signflow.support.TestPdfs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every action and every id it takes, used by a stranger with another organization's id: the answer
 * is the documented refusal, and it is the very answer the stranger gets for an id that does not
 * exist at all, so nobody can even learn that another organization's id is real.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixIT extends ApiTestBase {

    /** {@code body} builds the stranger's request around an id: the victim's, or one that exists nowhere. */
    private record Case(String action, String idKind, Function<String, Object> body, String victimId, String code) {
    }

    private Tenant victim;
    private Tenant stranger;
    private String groupId;
    private String flowId;
    private String recipientId;

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
        return cases;
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
        long victimsQuota = admin().get("/admin/organizations/" + victim.organizationId() + "/quota").get("used").asLong();

        return Stream.concat(cases().stream().map(c -> DynamicTest.dynamicTest(c.action() + " with a stranger's "
                + c.idKind(), () -> {
            String nobodysId = Ids.next();
            JsonNode withVictimsId = stranger.api().call(c.action(), c.body().apply(c.victimId()));
            JsonNode withNobodysId = stranger.api().call(c.action(), c.body().apply(nobodysId));
            if (c.code() != null) {
                assertThat(code(withVictimsId)).isEqualTo(c.code());
            }
            assertThat(comparable(withVictimsId, c.victimId())).isEqualTo(comparable(withNobodysId, nobodysId));
        })), Stream.of(DynamicTest.dynamicTest("the victim's contracts and quota are untouched", () -> {
            assertThat(victim.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", victim.operatorId()),
                    "FlowGroupId", groupId)).at("/FlowDetailInfos/0/FlowStatus").asInt()).isEqualTo(1);
            assertThat(admin().get("/admin/organizations/" + victim.organizationId() + "/quota").get("used").asLong())
                    .isEqualTo(victimsQuota);
        })));
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
