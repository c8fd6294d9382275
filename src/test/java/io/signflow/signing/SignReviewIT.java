package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.ess.v20201111.EssClient;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesResponse;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupSignReviewRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowSignReviewRequest;
import com.tencentcloudapi.ess.v20201111.models.NeedReviewApproverInfo;
import com.tencentcloudapi.ess.v20201111.models.UserInfo;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.CallbackReceiver;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing reviews through the official Java SDK: signing is refused until the initiator's review of
 * the signer passes, decided per contract (CreateFlowSignReview), per signer across the group
 * (CreateFlowGroupSignReview) or by an operator in Tasklist; REJECT keeps the signer waiting,
 * SIGN_REJECT ends the contract as rejected.
 */
class SignReviewIT extends ApiTestBase {

    @Autowired
    TaskService tasks;

    @Autowired
    FormService forms;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theInitiatorsSignerMaySignOnceEveryContractsReviewPassed() throws Exception {
        Tenant tenant = tenants().create(null, 100, 1);
        // an enterprise signer of the initiating organization (who may apply its seal: its employee)
        String mobile = tenant.operatorMobile();
        ObjectNode request = Requests.group(tenant, 2, List.of(Requests.enterprise(tenant.name(),
                tenant.operatorName(), mobile)));
        request.withArray("FlowGroupInfos").forEach(f -> ((ObjectNode) f).put("NeedSignReview", true));
        EssClient ess = sdk(tenant.api());
        CreateFlowGroupByFilesResponse created = ess.CreateFlowGroupByFiles(AbstractModel.fromJsonString(
                request.toString(), CreateFlowGroupByFilesRequest.class));
        String[] flowIds = created.getFlowIds();

        for (JsonNode approver : approvers(tenant, created.getFlowGroupId())) {
            assertThat(approver.get("ApproveStatus").asInt()).as("their turn, as ESS reports it").isEqualTo(2);
            assertThat(approver.get("SignReviewStatus").asText()).isEqualTo("PENDING");
        }
        SignerClient signer = SignerClient.invited(admin(), mobile);
        assertThat(signer.view().body().findValuesAsText("awaitingReview")).containsOnly("true");
        String code = signer.code();
        assertRefusedForReview(signer, code);

        ess.CreateFlowSignReview(review(tenant, flowIds[0], "PASS", null, null));
        assertRefusedForReview(signer, code); // the group is signed as a whole: the other contract still waits
        assertThatThrownBy(() -> ess.CreateFlowSignReview(review(tenant, flowIds[0], "REJECT", "价格有误", null)))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OperationDenied.FlowStatusForbid"));
        ess.CreateFlowSignReview(review(tenant, flowIds[1], "PASS", null, null));

        assertThat(signer.sign(code).status()).as("the refusals left the code unused").isEqualTo(200);
        for (JsonNode approver : approvers(tenant, created.getFlowGroupId())) {
            assertThat(approver.get("ApproveStatus").asInt()).isEqualTo(3);
            assertThat(approver.get("SignReviewStatus").asText()).isEqualTo("PASSED");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where flow_id = ? and event = 'SIGN_REVIEWED' "
                + "and actor = ?").params(flowIds[0], "operator " + tenant.operatorId()).query(Long.class).single())
                .isEqualTo(1);
        assertThatThrownBy(() -> ess.CreateFlowSignReview(review(tenant, flowIds[0], "PASS", null, null)))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OperationDenied.FlowHasTerminated"));
    }

    @Test
    void aRejectKeepsTheSignerWaitingAndASignRejectEndsTheContractAsRejected() throws Exception {
        Tenant tenant = tenants().create(null, 100, 1);
        String mobile = Tenants.mobile();
        try (CallbackReceiver receiver = new CallbackReceiver(() -> 200)) {
            AdminClient.Reply keys = admin().send("PUT", "/admin/organizations/" + tenant.organizationId()
                    + "/callback", Map.of("url", receiver.url()), true);
            rejectAndSignReject(tenant, mobile);
            // each decision announced as ESS announces reviews, the SIGN_REJECT then as the contract's rejection
            List<String> announced = await().atMost(Duration.ofSeconds(60)).until(() -> callbacks(receiver, keys),
                    seen -> seen.contains("reject:3:sign"));
            assertThat(announced).contains("review:1:review:REJECT", "review:1:review:SIGN_REJECT");
        }
    }

    private void rejectAndSignReject(Tenant tenant, String mobile) throws Exception {
        CreateFlowGroupByFilesResponse created = createReviewed(tenant, "审核乙", mobile);
        String[] flowIds = created.getFlowIds();
        EssClient ess = sdk(tenant.api());
        String recipient = approvers(tenant, created.getFlowGroupId()).get(0).get("RecipientId").asText();

        assertCode(ess, review(tenant, flowIds[0], "REJECT", null, recipient), "MissingParameter");
        assertCode(ess, review(tenant, flowIds[0], "REJECT", "原因", null), "MissingParameter");
        assertCode(ess, review(tenant, flowIds[0], "MAYBE", null, recipient), "InvalidParameter.ParamError");
        assertCode(ess, review(tenant, "yDnoflowckp1tbkbgUukJIiCyj7014en", "PASS", null, recipient),
                "ResourceNotFound.Flow");
        assertCode(ess, review(tenant, flowIds[0], "PASS", null, "yDnorecipient1tbkbgUukJIiCyj701"),
                "ResourceNotFound.FlowApprover");
        Tenant stranger = tenants().create(null, 10, 1);
        assertCode(sdk(stranger.api()), review(stranger, flowIds[0], "PASS", null, recipient), "ResourceNotFound.Flow");

        ess.CreateFlowSignReview(review(tenant, flowIds[0], "REJECT", "价格有误", recipient));
        assertThat(approvers(tenant, created.getFlowGroupId()).get(0).get("SignReviewStatus").asText())
                .isEqualTo("REJECTED");
        SignerClient signer = SignerClient.invited(admin(), mobile);
        assertRefusedForReview(signer, signer.code());

        String second = approvers(tenant, created.getFlowGroupId()).get(1).get("RecipientId").asText();
        ess.CreateFlowSignReview(review(tenant, flowIds[1], "SIGN_REJECT", "不予签署", second));
        JsonNode flows = describe(tenant, created.getFlowGroupId()).get("FlowDetailInfos");
        assertThat(flows.get(1).get("FlowStatus").asInt()).isEqualTo(3);
        assertThat(flows.get(1).get("FlowMessage").asText()).isEqualTo("不予签署");
        assertThat(flows.get(1).at("/FlowApproverInfos/0/ApproveStatus").asInt()).isEqualTo(4);
        assertThat(flows.get(0).get("FlowStatus").asInt()).as("the other contract goes on").isEqualTo(1);
        assertCode(ess, review(tenant, flowIds[1], "PASS", null, second), "OperationDenied.FlowHasTerminated");

        // a contract that asked for no review has none to decide
        String plain = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("普通", Tenants.mobile())))).get("FlowIds").get(0).asText();
        assertCode(ess, review(tenant, plain, "PASS", null, null), "FailedOperation.NotAvailableSignReview");
    }

    @Test
    void aGroupReviewDecidesTheSignerInEveryContractOfTheGroup() throws Exception {
        Tenant tenant = tenants().create(null, 100, 1);
        String mobile = Tenants.mobile();
        CreateFlowGroupByFilesResponse created = createReviewed(tenant, "审核丙", mobile);
        EssClient ess = sdk(tenant.api());

        assertThatThrownBy(() -> ess.CreateFlowGroupSignReview(groupReview(tenant, created.getFlowGroupId(), "审核丙",
                Tenants.mobile()))).isInstanceOfSatisfying(TencentCloudSDKException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("ResourceNotFound.FlowApprover"));
        ess.CreateFlowGroupSignReview(groupReview(tenant, created.getFlowGroupId(), "审核丙", mobile));

        assertThat(approvers(tenant, created.getFlowGroupId())).extracting(a -> a.get("SignReviewStatus").asText())
                .containsOnly("PASSED");
        SignerClient.invited(admin(), mobile).signNow();
        assertThat(approvers(tenant, created.getFlowGroupId())).extracting(a -> a.get("ApproveStatus").asInt())
                .containsOnly(3);
    }

    @Test
    void aGroupSignRejectEndsEveryContractOfTheSignerAsRejected() throws Exception {
        Tenant tenant = tenants().create(null, 100, 1);
        String mobile = Tenants.mobile();
        CreateFlowGroupByFilesResponse created = createReviewed(tenant, "审核丁", mobile);
        EssClient ess = sdk(tenant.api());
        CreateFlowGroupSignReviewRequest signReject = groupReview(tenant, created.getFlowGroupId(), "审核丁", mobile);
        signReject.setReviewType("SIGN_REJECT");

        assertThatThrownBy(() -> ess.CreateFlowGroupSignReview(signReject)).as("a SIGN_REJECT needs its message")
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("MissingParameter"));
        signReject.setReviewMessage("资质不符");
        ess.CreateFlowGroupSignReview(signReject);

        JsonNode flows = describe(tenant, created.getFlowGroupId()).get("FlowDetailInfos");
        assertThat(flows).hasSize(2).allSatisfy(flow -> {
            assertThat(flow.get("FlowStatus").asInt()).isEqualTo(3);
            assertThat(flow.get("FlowMessage").asText()).isEqualTo("资质不符");
            assertThat(flow.at("/FlowApproverInfos/0/ApproveStatus").asInt()).isEqualTo(4);
        });
        assertThatThrownBy(() -> ess.CreateFlowGroupSignReview(groupReview(tenant, created.getFlowGroupId(), "审核丁",
                mobile))).as("nothing is left to decide").isInstanceOfSatisfying(TencentCloudSDKException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("OperationDenied.FlowHasTerminated"));
    }

    @Test
    void anOperatorPassesTheReviewAsATasklistTask() throws Exception {
        Tenant tenant = tenants().create(null, 100, 1);
        String mobile = Tenants.mobile();
        CreateFlowGroupByFilesResponse created = createReviewed(tenant, "审核丁", mobile);

        List<String> decided = new ArrayList<>();
        for (String flowId : created.getFlowIds()) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(flowId)
                    .taskDefinitionKey("UserTask_SignReview").singleResult();
            // as Tasklist does it for a logged-in member of the reviewers' group
            identity.setAuthentication("reviewer", List.of("signflow-reviewers"));
            try {
                assertThat(task.getName()).isEqualTo("Review 审核丁 · 测试合同" + (decided.size() + 1));
                assertThat(forms.getTaskFormData(task.getId()).getFormFields()).extracting(FormField::getId)
                        .containsExactly("reviewDecision", "reviewMessage");
                forms.submitTaskForm(task.getId(), Map.of("reviewDecision", "PASS"));
                decided.add(flowId);
            } finally {
                identity.clearAuthentication();
            }
        }

        assertThat(jdbc.sql("select actor from audit_event where flow_id in (:ids) and event = 'SIGN_REVIEWED'")
                .param("ids", decided).query(String.class).list()).containsOnly("engine user reviewer");
        SignerClient.invited(admin(), mobile).signNow();
        await().atMost(Duration.ofSeconds(30)).until(() -> approvers(tenant, created.getFlowGroupId()).stream()
                .allMatch(a -> a.get("ApproveStatus").asInt() == 3));
    }

    /** Each FlowStatusChange received, as {@code Operate:FlowCallbackStatus:CallbackType[:ReviewType]}. */
    private static List<String> callbacks(CallbackReceiver receiver, AdminClient.Reply keys) throws Exception {
        List<String> seen = new ArrayList<>();
        for (CallbackReceiver.Received received : receiver.received()) {
            JsonNode message = received.open(keys.body().get("key").asText(), keys.body().get("token").asText());
            if (!message.get("MsgType").asText().equals("FlowStatusChange")) {
                continue; // the group's own callbacks say nothing of reviews
            }
            JsonNode data = message.get("MsgData");
            seen.add(data.get("Operate").asText() + ":" + data.get("FlowCallbackStatus").asInt() + ":"
                    + data.get("CallbackType").asText() + (data.has("ReviewType") ? ":" + data.get("ReviewType").asText() : ""));
        }
        return seen;
    }

    /** A group of two contracts whose one signer, a person, is reviewed (ApproverNeedSignReview). */
    private CreateFlowGroupByFilesResponse createReviewed(Tenant tenant, String name, String mobile) throws Exception {
        ObjectNode request = Requests.group(tenant, 2, List.of(Requests.person(name, mobile)
                .put("ApproverNeedSignReview", true)));
        return sdk(tenant.api()).CreateFlowGroupByFiles(AbstractModel.fromJsonString(request.toString(),
                CreateFlowGroupByFilesRequest.class));
    }

    private static CreateFlowSignReviewRequest review(Tenant tenant, String flowId, String type, String message,
                                                      String recipientId) {
        CreateFlowSignReviewRequest review = new CreateFlowSignReviewRequest();
        review.setOperator(operator(tenant));
        review.setFlowId(flowId);
        review.setReviewType(type);
        review.setReviewMessage(message);
        review.setRecipientId(recipientId);
        return review;
    }

    private static CreateFlowGroupSignReviewRequest groupReview(Tenant tenant, String groupId, String name, String mobile) {
        NeedReviewApproverInfo signer = new NeedReviewApproverInfo();
        signer.setApproverType("PERSON");
        signer.setApproverName(name);
        signer.setApproverMobile(mobile);
        CreateFlowGroupSignReviewRequest review = new CreateFlowGroupSignReviewRequest();
        review.setOperator(operator(tenant));
        review.setFlowGroupId(groupId);
        review.setReviewType("PASS");
        review.setApproverInfo(signer);
        return review;
    }

    private static UserInfo operator(Tenant tenant) {
        UserInfo operator = new UserInfo();
        operator.setUserId(tenant.operatorId());
        return operator;
    }

    private static void assertCode(EssClient ess, CreateFlowSignReviewRequest review, String code) {
        assertThatThrownBy(() -> ess.CreateFlowSignReview(review)).isInstanceOfSatisfying(
                TencentCloudSDKException.class, e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    private static void assertRefusedForReview(SignerClient signer, String code) {
        AdminClient.Reply reply = signer.sign(code);
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body().get("code").asText()).isEqualTo("FailedOperation.NoSignReviewPass");
        assertThat(reply.body().get("detail").asText()).contains("review");
    }

    /** DescribeFlowInfo by group, raw: the SDK drops Signflow's SignReviewStatus. */
    private static JsonNode describe(Tenant tenant, String groupId) {
        ApiClient api = tenant.api();
        return api.ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowGroupId", groupId));
    }

    private static List<JsonNode> approvers(Tenant tenant, String groupId) {
        List<JsonNode> all = new ArrayList<>();
        describe(tenant, groupId).get("FlowDetailInfos").forEach(f -> f.get("FlowApproverInfos").forEach(all::add));
        return all;
    }
}
