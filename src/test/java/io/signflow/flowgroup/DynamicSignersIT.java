package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.ess.v20201111.EssClient;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowApproversRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesResponse;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowSignUrlRequest;
import com.tencentcloudapi.ess.v20201111.models.FillApproverInfo;
import com.tencentcloudapi.ess.v20201111.models.FlowCreateApprover;
import com.tencentcloudapi.ess.v20201111.models.UserInfo;
import io.signflow.demo.DemoData;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Dynamic signers (FillType 1): created unnamed, named later with CreateFlowApprovers, then signing. */
class DynamicSignersIT extends ApiTestBase {

    @Autowired
    RuntimeService runtime;

    @Test
    void seedExampleFourEndToEnd() throws Exception {
        EssClient ess = sdk(demo());
        CreateFlowGroupByFilesRequest create = AbstractModel.fromJsonString(Requests.seedText(4),
                CreateFlowGroupByFilesRequest.class);
        CreateFlowGroupByFilesResponse created = ess.CreateFlowGroupByFiles(create);
        String[] flowIds = created.getFlowIds();

        // the contracts wait, visibly: FlowStatus 0 and the process at its fill wait
        for (String flowId : flowIds) {
            assertThat(status(flowId)).isEqualTo(FlowStatus.AWAITING_FILL);
            assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(flowId)
                    .activityId("ReceiveTask_AwaitFill").count()).isEqualTo(1);
        }

        // the same person fills the first party of all three: one signer for the group. Their number is
        // used by no other test, so any message it ever gets comes from this group.
        String filledMobile = Tenants.mobile();
        // an employee of the demo enterprise, so that they may apply its seal
        admin().post("/admin/organizations/" + DemoData.ENTERPRISE_ID + "/employees",
                Map.of("name", "典子谦", "mobile", filledMobile));
        assertThat(SignerClient.invitations(admin(), filledMobile)).isZero();
        List<FillApproverInfo> fills = new ArrayList<>();
        for (int i = 0; i < flowIds.length; i++) {
            FillApproverInfo fill = new FillApproverInfo();
            fill.setFlowId(flowIds[i]);
            fill.setRecipientId(created.getApprovers()[i].getApprovers()[0].getRecipientId());
            fill.setApproverName("典子谦");
            fill.setApproverMobile(filledMobile);
            fill.setOrganizationName(DemoData.ENTERPRISE_NAME);
            fills.add(fill);
        }
        CreateFlowApproversRequest fill = new CreateFlowApproversRequest();
        fill.setOperator(create.getOperator());
        fill.setFlowGroupId(created.getFlowGroupId());
        fill.setFillApproverType(1L);
        fill.setApprovers(fills.toArray(FillApproverInfo[]::new));
        assertThat(ess.CreateFlowApprovers(fill).getFillError()).isEmpty();

        for (String flowId : flowIds) {
            assertThat(status(flowId)).isEqualTo(FlowStatus.TO_SIGN);
        }
        // the parties named at creation were told; the filled signer gets no message, now or later
        assertThat(SignerClient.invitations(admin(), "18888888888")).isPositive();
        assertThat(SignerClient.invitations(admin(), filledMobile)).isZero();

        SignerClient filled = SignerClient.withLink(admin(), filledMobile, signUrl(ess, create.getOperator(), flowIds[0],
                DemoData.ENTERPRISE_NAME, "典子谦", filledMobile));
        assertThat(SignerClient.invitations(admin(), filledMobile)).isZero();
        JsonNode view = filled.view().body();
        assertThat(view.get("contracts")).hasSize(3);
        filled.signNow();
        SignerClient.invited(admin(), "18888888888").signNow();
        SignerClient.invited(admin(), "15100000000").signNow();
        SignerClient.invited(admin(), "13200000000").signNow();

        for (String flowId : flowIds) {
            assertThat(status(flowId)).isEqualTo(FlowStatus.ALL_SIGNED);
        }
        assertThat(SignerClient.invitations(admin(), filledMobile)).isZero();
        // the first contract required the demo seal on the dynamic slot: that is the seal applied
        assertThat(sealsUsed(flowIds[0])).contains(DemoData.SEAL_ID);
    }

    @Test
    void eachFillStandsOnItsOwnAndWhatCannotBeFilledIsRefused() {
        Tenant tenant = tenants().create();
        var request = Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant), dynamic("甲方"), dynamic("丙方")));
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", request);
        String flow0 = created.at("/FlowIds/0").asText();
        String flow1 = created.at("/FlowIds/1").asText();
        String slotA = created.at("/Approvers/0/Approvers/1/RecipientId").asText();
        String slotB = created.at("/Approvers/0/Approvers/2/RecipientId").asText();
        String otherFlowSlot = created.at("/Approvers/1/Approvers/1/RecipientId").asText();
        Map<String, Object> operator = Map.of("UserId", tenant.operatorId());

        JsonNode partial = tenant.api().ok("CreateFlowApprovers", Map.of("Operator", operator, "FlowId", flow0,
                "FillApproverType", 1, "Approvers", List.of(
                        Map.of("RecipientId", slotA, "ApproverName", "刘一", "ApproverMobile", Tenants.mobile()),
                        Map.of("RecipientId", slotB, "ApproverName", "刘二", "ApproverMobile", "123"))));
        assertThat(partial.get("FillError")).hasSize(1);
        assertThat(partial.at("/FillError/0/RecipientId").asText()).isEqualTo(slotB);
        assertThat(partial.at("/FillError/0/ErrMessage").asText()).startsWith("InvalidParameter.Mobile");
        assertThat(status(tenant, flow0)).isEqualTo(FlowStatus.AWAITING_FILL);

        // filling the same slot again, an unknown slot, a slot of another contract under this FlowId
        assertThat(fillCode(tenant, flow0, slotA, "刘三")).isEqualTo("OperationDenied.FlowStatusForbid");
        assertThat(fillCode(tenant, flow0, "yDnoslotUnh3kgwiU90l6PyV6AkMyS0L", "刘三")).isEqualTo("ResourceNotFound.FlowApprover");
        assertThat(fillCode(tenant, flow0, otherFlowSlot, "刘三")).isEqualTo("ResourceNotFound.FlowApprover");
        assertThat(tenant.api().code("CreateFlowApprovers", Map.of("Operator", operator, "FlowId", flow0,
                "FillApproverType", 0, "Approvers", List.of(Map.of("RecipientId", slotB)))))
                .isEqualTo("UnsupportedOperation");

        // the last slot named: the contract starts signing
        assertThat(fillCode(tenant, flow0, slotB, "刘四")).isEqualTo("OK");
        assertThat(status(tenant, flow0)).isEqualTo(FlowStatus.TO_SIGN);

        // a cancelled contract cannot be filled
        tenant.api().ok("CancelFlow", Map.of("Operator", operator, "FlowId", flow1, "CancelMessage", "不再需要"));
        assertThat(fillCode(tenant, flow1, otherFlowSlot, "刘五")).isEqualTo("OperationDenied.FlowHasTerminated");
    }

    @Test
    void withoutFillApproverTypeTheDynamicSignersAreNamed() {
        Tenant tenant = tenants().create();
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.autoSigner(tenant), dynamic("甲方"))));
        String flowId = created.at("/FlowIds/0").asText();

        assertThat(tenant.api().ok("CreateFlowApprovers", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowId", flowId, "Approvers", List.of(Map.of("RecipientId",
                        created.at("/Approvers/0/Approvers/1/RecipientId").asText(), "ApproverName", "刘一",
                        "ApproverMobile", Tenants.mobile())))).get("FillError")).isEmpty();
        assertThat(status(tenant, flowId)).isEqualTo(FlowStatus.TO_SIGN);
    }

    @Test
    void aStrangersContractIsNeitherLockedNorWaitedForBeforeItIsFoundInvisible() throws Exception {
        Tenant owner = tenants().create();
        Tenant stranger = tenants().create();
        JsonNode created = owner.api().ok("CreateFlowGroupByFiles", Requests.group(owner, 2,
                List.of(Requests.autoSigner(owner), dynamic("甲方"))));
        String flowId = created.at("/FlowIds/0").asText();
        Map<String, Object> fill = Map.of("Operator", Map.of("UserId", stranger.operatorId()), "FlowId", flowId,
                "FillApproverType", 1, "Approvers", List.of(Map.of("RecipientId",
                        created.at("/Approvers/0/Approvers/1/RecipientId").asText(), "ApproverName", "刘一",
                        "ApproverMobile", Tenants.mobile())));

        // the owner's contract is busy (a signature, a cancellation) while the stranger asks
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var holder = java.util.concurrent.CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("select id from flow where id = ? for update").param(flowId).query(String.class).single();
            locked.countDown();
            try {
                release.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        try {
            var answer = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> stranger.api().code("CreateFlowApprovers", fill));
            assertThat(answer.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("ResourceNotFound.Flow");
        } finally {
            release.countDown();
            holder.get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void theNumberOfItemsIsCappedAndEachNeedsItsContract() {
        Tenant tenant = tenants().create();
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.autoSigner(tenant), dynamic("甲方"))));
        Map<String, Object> item = Map.of("RecipientId", created.at("/Approvers/0/Approvers/1/RecipientId").asText(),
                "ApproverName", "刘一", "ApproverMobile", Tenants.mobile(), "FlowId", created.at("/FlowIds/0").asText());
        Map<String, Object> operator = Map.of("UserId", tenant.operatorId());

        assertThat(tenant.api().code("CreateFlowApprovers", Map.of("Operator", operator, "FillApproverType", 1,
                "Approvers", java.util.Collections.nCopies(2501, item)))).isEqualTo("InvalidParameter.ParamError");
        assertThat(tenant.api().code("CreateFlowApprovers", Map.of("Operator", operator, "FillApproverType", 1,
                "Approvers", List.of(Map.of("RecipientId", item.get("RecipientId"), "ApproverName", "刘一",
                        "ApproverMobile", Tenants.mobile()))))).isEqualTo("MissingParameter.FlowId");
        // the largest request a group can need is taken: the first item names the signer, the rest are refused
        JsonNode answer = tenant.api().ok("CreateFlowApprovers", Map.of("Operator", operator, "FillApproverType", 1,
                "Approvers", java.util.Collections.nCopies(2500, item)));
        assertThat(answer.get("FillError")).hasSize(2499);
        assertThat(answer.at("/FillError/0/ErrMessage").asText()).startsWith("OperationDenied.FlowStatusForbid");
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    private static com.fasterxml.jackson.databind.node.ObjectNode dynamic(String role) {
        var approver = Requests.person("占位", "13800000000");
        approver.remove(List.of("ApproverName", "ApproverMobile"));
        approver.put("ApproverRoleName", role);
        approver.putObject("ApproverOption").put("FillType", 1);
        return approver;
    }

    private static String fillCode(Tenant tenant, String flowId, String recipientId, String name) {
        return tenant.api().code("CreateFlowApprovers", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowId", flowId, "FillApproverType", 1, "Approvers", List.of(Map.of("RecipientId", recipientId,
                        "ApproverName", name, "ApproverMobile", Tenants.mobile()))));
    }

    private int status(String flowId) {
        return demo().ok("DescribeFlowBriefs", Map.of("Operator", Map.of("UserId", DemoData.OPERATOR_ID),
                "FlowIds", List.of(flowId))).at("/FlowBriefs/0/FlowStatus").asInt();
    }

    private static int status(Tenant tenant, String flowId) {
        return tenant.api().ok("DescribeFlowBriefs", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowIds", List.of(flowId))).at("/FlowBriefs/0/FlowStatus").asInt();
    }

    private static String signUrl(EssClient ess, UserInfo operator, String flowId, String organization, String name,
                                  String mobile) throws Exception {
        CreateFlowSignUrlRequest request = new CreateFlowSignUrlRequest();
        request.setOperator(operator);
        request.setFlowId(flowId);
        FlowCreateApprover approver = new FlowCreateApprover();
        approver.setApproverType(0L);
        approver.setOrganizationName(organization);
        approver.setApproverName(name);
        approver.setApproverMobile(mobile);
        request.setFlowApproverInfos(new FlowCreateApprover[] {approver});
        return ess.CreateFlowSignUrl(request).getFlowApproverUrlInfos()[0].getSignUrl();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private List<String> sealsUsed(String flowId) {
        return jdbc.sql("select seal_id from signature_record where flow_id = ? and seal_id is not null").param(flowId)
                .query(String.class).list();
    }
}
