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

        // the same person fills the first party of all three: one signer for the group
        List<FillApproverInfo> fills = new ArrayList<>();
        for (int i = 0; i < flowIds.length; i++) {
            FillApproverInfo fill = new FillApproverInfo();
            fill.setFlowId(flowIds[i]);
            fill.setRecipientId(created.getApprovers()[i].getApprovers()[0].getRecipientId());
            fill.setApproverName("典子谦");
            fill.setApproverMobile("18251952320");
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
        // the parties named at creation were told once; the filled signer gets no message
        assertThat(SignerClient.invitations(admin(), "18888888888")).isPositive();
        int before = SignerClient.invitations(admin(), "18251952320");

        SignerClient filled = SignerClient.withLink(admin(), "18251952320", signUrl(ess, create.getOperator(), flowIds[0],
                DemoData.ENTERPRISE_NAME, "典子谦", "18251952320"));
        assertThat(SignerClient.invitations(admin(), "18251952320")).isEqualTo(before);
        JsonNode view = filled.view().body();
        assertThat(view.get("contracts")).hasSize(3);
        filled.signNow();
        SignerClient.invited(admin(), "18888888888").signNow();
        SignerClient.invited(admin(), "15100000000").signNow();
        SignerClient.invited(admin(), "13200000000").signNow();

        for (String flowId : flowIds) {
            assertThat(status(flowId)).isEqualTo(FlowStatus.ALL_SIGNED);
        }
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
