package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.ess.v20201111.EssClient;
import com.tencentcloudapi.ess.v20201111.models.CancelFlowRequest;
import com.tencentcloudapi.ess.v20201111.models.Caller;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowByFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowByFilesResponse;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowSignUrlRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFileUrlsRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFileUrlsResponse;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowInfoRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowInfoResponse;
import com.tencentcloudapi.ess.v20201111.models.FlowCreateApprover;
import com.tencentcloudapi.ess.v20201111.models.UploadFile;
import com.tencentcloudapi.ess.v20201111.models.UploadFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.UserInfo;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.CallbackReceiver;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import io.signflow.support.TestPdfs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CreateFlowByFiles through the official SDK: a contract that belongs to no group, from upload to the
 * sealed PDF, cancelled with its unit refunded, refused by the sub-contract rules, and previewed
 * without anything being created.
 */
class CreateFlowByFilesIT extends ApiTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    private static UserInfo operator(Tenant tenant) {
        UserInfo operator = new UserInfo();
        operator.setUserId(tenant.operatorId());
        return operator;
    }

    private String upload(Tenant tenant) throws TencentCloudSDKException {
        UploadFilesRequest request = new UploadFilesRequest();
        request.setBusinessType("DOCUMENT");
        Caller caller = new Caller();
        caller.setOperatorId(tenant.operatorId());
        request.setCaller(caller);
        UploadFile file = new UploadFile();
        file.setFileName("lease.pdf");
        file.setFileBody(TestPdfs.base64(TestPdfs.a4(2)));
        request.setFileInfos(new UploadFile[] {file});
        return sdk(tenant.api()).UploadFiles(request).getFileIds()[0];
    }

    /** One contract of the file, signed by one person, with a text the initiator fills. */
    private static ObjectNode contract(Tenant tenant, String fileId, String signerMobile) {
        ObjectNode request = ApiClient.JSON.createObjectNode();
        request.putObject("Operator").put("UserId", tenant.operatorId());
        request.put("FlowName", "房屋租赁合同");
        request.put("FlowType", "租赁合同");
        request.putArray("FileIds").add(fileId);
        request.putArray("Approvers").add(Requests.person("李四", signerMobile));
        request.putArray("Components").add(Requests.component("TEXT", 1, 60, 700)
                .put("ComponentName", "租金").put("ComponentValue", "3000元"));
        return request;
    }

    private CreateFlowByFilesResponse create(Tenant tenant, ObjectNode request) throws TencentCloudSDKException {
        return sdk(tenant.api()).CreateFlowByFiles(AbstractModel.fromJsonString(request.toString(),
                CreateFlowByFilesRequest.class));
    }

    private long used(Tenant tenant) {
        return admin().get("/admin/organizations/" + tenant.organizationId() + "/quota").get("used").asLong();
    }

    private long flowsOf(Tenant tenant) {
        return jdbc.sql("select count(*) from flow where organization_id = ?").param(tenant.organizationId())
                .query(Long.class).single();
    }

    private DescribeFlowInfoResponse describe(Tenant tenant, String flowId) throws TencentCloudSDKException {
        DescribeFlowInfoRequest request = new DescribeFlowInfoRequest();
        request.setOperator(operator(tenant));
        request.setFlowIds(new String[] {flowId});
        return sdk(tenant.api()).DescribeFlowInfo(request);
    }

    private String hiddenGroupOf(String flowId) {
        return jdbc.sql("select group_id from flow where id = ?").param(flowId).query(String.class).single();
    }

    @Test
    void aContractOfItsOwnIsSignedThroughTheSignerPageAndItsSealedPdfDownloaded() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(() -> 200)) {
            Tenant tenant = tenants().create(null, 5, 0);
            AdminClient.Reply callback = admin().send("PUT", "/admin/organizations/" + tenant.organizationId()
                    + "/callback", Map.of("url", receiver.url()), true);
            EssClient ess = sdk(tenant.api());
            String mobile = Tenants.mobile();

            CreateFlowByFilesResponse created = create(tenant, contract(tenant, upload(tenant), mobile));

            String flowId = created.getFlowId();
            assertThat(flowId).hasSize(32);
            assertThat(created.getPreviewUrl()).isNull();
            assertThat(created.getApprovers()).hasSize(1);
            assertThat(used(tenant)).isEqualTo(1);
            // the invitation names the contract, not a group of one
            JsonNode invitation = admin().get("/admin/notifications?mobile=" + mobile).get(0);
            assertThat(invitation.get("text").asText()).contains("合同“房屋租赁合同”").doesNotContain("合同组");
            assertThat(tenant.api().code("CreateFlowReminds", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                    "FlowIds", List.of(flowId)))).isEqualTo("OK");
            assertThat(tenant.api().ok("CreateSchemeUrl", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                    "FlowId", flowId, "Name", "李四", "Mobile", mobile)).get("SchemeUrl").asText()).contains("/sign/");

            CreateFlowSignUrlRequest signUrl = new CreateFlowSignUrlRequest();
            signUrl.setOperator(operator(tenant));
            signUrl.setFlowId(flowId);
            FlowCreateApprover signer = new FlowCreateApprover();
            signer.setRecipientId(created.getApprovers()[0].getRecipientId());
            signUrl.setFlowApproverInfos(new FlowCreateApprover[] {signer});
            String link = ess.CreateFlowSignUrl(signUrl).getFlowApproverUrlInfos()[0].getSignUrl();
            SignerClient page = SignerClient.withLink(admin(), mobile, link);
            assertThat(page.view().body().get("contracts")).hasSize(1);
            page.signNow();

            DescribeFlowInfoResponse info = describe(tenant, flowId);
            assertThat(info.getFlowDetailInfos()[0].getFlowStatus()).isEqualTo(FlowStatus.ALL_SIGNED);
            assertThat(info.getFlowDetailInfos()[0].getFlowApproverInfos()[0].getApproveStatus())
                    .isEqualTo(ApproveStatus.SIGNED);
            assertThat(info.getFlowGroupId()).isNull();
            assertThat(info.getFlowGroupName()).isNull();
            assertThat(tenant.api().ok("DescribeFlowBriefs", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                    "FlowIds", List.of(flowId))).at("/FlowBriefs/0/FlowStatus").asInt()).isEqualTo(FlowStatus.ALL_SIGNED);

            DescribeFileUrlsRequest files = new DescribeFileUrlsRequest();
            files.setOperator(operator(tenant));
            files.setBusinessType("FLOW");
            files.setBusinessIds(new String[] {flowId});
            DescribeFileUrlsResponse urls = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> ess.DescribeFileUrls(files), r -> r.getFileUrls().length == 1);
            byte[] pdf = HTTP.send(HttpRequest.newBuilder(URI.create(urls.getFileUrls()[0].getUrl())).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getSignatureDictionaries()).hasSize(1);
                assertThat(document.getNumberOfPages()).isGreaterThan(2);
            }

            // its evidence report, like any contract's
            admin().post("/admin/organizations/" + tenant.organizationId() + "/quota",
                    Map.of("add", 1, "quotaType", "CloudProve"));
            String reportId = tenant.api().ok("CreateFlowEvidenceReport", Map.of("Operator",
                    Map.of("UserId", tenant.operatorId()), "FlowId", flowId)).get("ReportId").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> tenant.api().ok("DescribeFlowEvidenceReport",
                    Map.of("Operator", Map.of("UserId", tenant.operatorId()), "ReportId", reportId))
                    .get("Status").asText(), "EvidenceStatusSuccess"::equals);

            // callbacks for the contract, none for a group; the contract is in none
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= 3);
            List<JsonNode> messages = new ArrayList<>();
            for (CallbackReceiver.Received received : receiver.received()) {
                messages.add(received.open(callback.body().get("key").asText(), callback.body().get("token").asText()));
            }
            assertThat(messages).extracting(m -> m.at("/MsgData/Operate").asText() + ":" + m.get("MsgType").asText())
                    .containsExactlyInAnyOrder("start:FlowStatusChange", "sign:FlowStatusChange",
                            "finish:FlowStatusChange");
            assertThat(messages).allSatisfy(m -> {
                assertThat(m.at("/MsgData/FlowId").asText()).isEqualTo(flowId);
                assertThat(m.at("/MsgData").has("FlowGroupMessage")).isTrue();
                assertThat(m.at("/MsgData/FlowGroupMessage").isNull()).isTrue();
            });
            // the contract's own group row is no group to the API
            String hidden = hiddenGroupOf(flowId);
            assertThat(tenant.api().code("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                    "FlowGroupId", hidden))).isEqualTo("FailedOperation");
            assertThat(tenant.api().code("CreateFlowGroupEvidenceReport", Map.of("Operator",
                    Map.of("UserId", tenant.operatorId()), "FlowGroupId", hidden))).isEqualTo("ResourceNotFound.Flow");
            assertThat(jdbc.sql("select status from flow_group where id = ?").param(hidden).query(String.class)
                    .single()).isEqualTo(GroupStatus.COMPLETED.name());
        }
    }

    @Test
    void cancellingBeforeAnyoneSignedGivesTheUnitBackAsTheBillShows() throws Exception {
        Tenant tenant = tenants().create(null, 3, 0);
        String flowId = create(tenant, contract(tenant, upload(tenant), Tenants.mobile())).getFlowId();
        assertThat(used(tenant)).isEqualTo(1);

        CancelFlowRequest cancel = new CancelFlowRequest();
        cancel.setOperator(operator(tenant));
        cancel.setFlowId(flowId);
        cancel.setCancelMessage("双方协商取消");
        sdk(tenant.api()).CancelFlow(cancel);

        assertThat(used(tenant)).isZero();
        assertThat(describe(tenant, flowId).getFlowDetailInfos()[0].getFlowStatus()).isEqualTo(FlowStatus.CANCELLED);
        String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        String tomorrow = LocalDate.now().plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);
        JsonNode bill = tenant.api().ok("DescribeBillUsageDetail", Map.of("StartTime", today, "EndTime", tomorrow));
        List<String> entries = new ArrayList<>();
        bill.get("Details").forEach(d -> entries.add(d.get("FlowId").asText() + ":" + d.get("CostType").asInt()));
        assertThat(entries).containsExactlyInAnyOrder(flowId + ":1", flowId + ":2");
        assertThat(tenant.api().code("CancelFlow", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowId", flowId, "CancelMessage", "再次取消"))).isEqualTo("OperationDenied.FlowHasTerminated");
    }

    @Test
    void aDynamicSignerIsNamedLaterOnTheContract() throws Exception {
        Tenant tenant = tenants().create(null, 3, 0);
        ObjectNode request = contract(tenant, upload(tenant), Tenants.mobile());
        ObjectNode dynamic = Requests.person("李四", "13800000000");
        dynamic.remove("ApproverName");
        dynamic.remove("ApproverMobile");
        dynamic.put("ApproverRoleName", "承租方");
        dynamic.putObject("ApproverOption").put("FillType", 1);
        request.withArray("Approvers").add(dynamic);
        CreateFlowByFilesResponse created = create(tenant, request);
        assertThat(describe(tenant, created.getFlowId()).getFlowDetailInfos()[0].getFlowStatus())
                .isEqualTo(FlowStatus.AWAITING_FILL);
        String mobile = Tenants.mobile();

        JsonNode filled = tenant.api().ok("CreateFlowApprovers", Map.of("Operator", Map.of("UserId",
                tenant.operatorId()), "FlowId", created.getFlowId(), "Approvers", List.of(Map.of("RecipientId",
                created.getApprovers()[1].getRecipientId(), "ApproverName", "王五", "ApproverMobile", mobile))));

        assertThat(filled.get("FillError")).isEmpty();
        assertThat(describe(tenant, created.getFlowId()).getFlowDetailInfos()[0].getFlowStatus())
                .isEqualTo(FlowStatus.TO_SIGN);
    }

    @Test
    void theSubContractRulesRefuseAndNothingIsCreatedOrCharged() throws Exception {
        Tenant tenant = tenants().create(null, 3, 0);
        String fileId = upload(tenant);
        Map<String, java.util.function.Consumer<ObjectNode>> refusals = new java.util.LinkedHashMap<>();
        refusals.put("InvalidParameter.FlowName", r -> r.put("FlowName", "<script>"));
        refusals.put("MissingParameter.FlowApprover", r -> r.remove("Approvers"));
        refusals.put("MissingParameter.ResourceId", r -> r.remove("FileIds"));
        refusals.put("OperationDenied.ManyResourceId", r -> r.withArray("FileIds").add(fileId));
        refusals.put("InvalidParameter.Mobile", r -> ((ObjectNode) r.at("/Approvers/0")).put("ApproverMobile", "12"));
        refusals.put("InvalidParameter.ComponentPage", r -> ((ObjectNode) r.at("/Approvers/0/SignComponents/0"))
                .put("ComponentPage", 9));
        refusals.put("InvalidParameter.FlowDeadLine", r -> r.put("Deadline", 1000));
        refusals.put("OperationDenied.CcUserRepeat", r -> r.putArray("CcInfos").addObject().put("Mobile", "13800000000")
                .put("Name", "张三"));
        refusals.put("InvalidParameter.CcNum", r -> r.putArray("CcInfos").addObject().put("Mobile", "13800000001")
                .put("Name", "李四").put("CcType", 2));
        refusals.put("InvalidParameter.ParamError", r -> r.put("ApproverVerifyType", "FaceCheck"));
        refusals.put("UnknownParameter", r -> r.put("FlowGroupName", "组"));
        for (var refusal : refusals.entrySet()) {
            ObjectNode request = contract(tenant, fileId, "13800000000");
            refusal.getValue().accept(request);
            assertThat(tenant.api().code("CreateFlowByFiles", request)).as(refusal.getKey()).isEqualTo(refusal.getKey());
        }
        ObjectNode bad = contract(tenant, fileId, "13800000000");
        ((ObjectNode) bad.at("/Approvers/0")).put("ApproverMobile", "12");
        assertThat(tenant.api().call("CreateFlowByFiles", bad).at("/Error/Message").asText())
                .startsWith("Approvers[0].ApproverMobile");
        for (Map.Entry<String, Object> own : Map.<String, Object>of("PreviewType", 2, "SignBeanTag", 1,
                "OpenDynamicSignFlow", true, "CcNotifyType", 5).entrySet()) {
            ObjectNode request = contract(tenant, fileId, "13800000000");
            request.set(own.getKey(), ApiClient.JSON.valueToTree(own.getValue()));
            assertThat(tenant.api().code("CreateFlowByFiles", request)).as(own.getKey())
                    .isIn("InvalidParameter.ParamError", "UnsupportedOperation");
        }
        assertThat(flowsOf(tenant)).isZero();
        assertThat(used(tenant)).isZero();
    }

    @Test
    void withoutQuotaNothingIsHalfCreated() throws Exception {
        Tenant tenant = tenants().create(null, 0, 0);
        ObjectNode request = contract(tenant, upload(tenant), Tenants.mobile());

        assertThat(tenant.api().code("CreateFlowByFiles", request)).isEqualTo("OperationDenied.NoQuota");

        assertThat(flowsOf(tenant)).isZero();
        assertThat(jdbc.sql("select count(*) from flow_group where organization_id = ?")
                .param(tenant.organizationId()).query(Long.class).single()).isZero();
        assertThat(used(tenant)).isZero();
        // a preview needs no quota: nothing is created or charged
        request.put("NeedPreview", true);
        assertThat(tenant.api().ok("CreateFlowByFiles", request).get("PreviewUrl").asText()).contains("/sign/preview/");
    }

    @Test
    void aPreviewShowsTheContractReadOnlyForFiveMinutesAndCreatesNothing() throws Exception {
        Tenant tenant = tenants().create(null, 3, 0);
        String mobile = Tenants.mobile();
        ObjectNode request = contract(tenant, upload(tenant), mobile);
        request.put("NeedPreview", true).put("PreviewType", 1);

        CreateFlowByFilesResponse preview = create(tenant, request);

        assertThat(preview.getFlowId()).isNull();
        assertThat(preview.getApprovers()).isNull();
        assertThat(flowsOf(tenant)).isZero();
        assertThat(used(tenant)).isZero();
        assertThat(admin().get("/admin/notifications?mobile=" + mobile)).isEmpty();
        String token = preview.getPreviewUrl().substring(preview.getPreviewUrl().lastIndexOf('/') + 1);
        AdminClient.Reply page = admin().send("GET", "/sign/preview/" + token, null, false);
        assertThat(page.status()).isEqualTo(200);
        JsonNode view = admin().send("GET", "/sign/preview-api/" + token, null, false).body();
        assertThat(view.get("state").asText()).isEqualTo("PREVIEW");
        assertThat(view.get("groupName").asText()).isEqualTo("房屋租赁合同");
        assertThat(view.get("signers")).extracting(JsonNode::asText).containsExactly("李四");
        JsonNode contract = view.at("/contracts/0");
        assertThat(contract.get("canSign").asBoolean()).isFalse();
        assertThat(contract.get("pages")).hasSize(2);
        assertThat(contract.get("fields")).extracting(f -> f.get("owner").asText() + ":" + f.get("type").asText())
                .containsExactly("李四:SIGN_SIGNATURE", "发起方 · initiator:TEXT");
        assertThat(contract.at("/fields/1/value").asText()).isEqualTo("3000元");
        assertThat(admin().send("GET", "/sign/preview-api/" + token + "/flows/" + contract.get("flowId").asText()
                + "/files/0/pages/1.png", null, false).status()).isEqualTo(200);
        // a preview link is not a signer's link: there is nothing to sign
        assertThat(admin().send("GET", "/sign/api/" + token, null, false).status()).isEqualTo(404);
        assertThat(admin().send("POST", "/sign/preview-api/" + token + "/sign", Map.of("code", "123456"), false)
                .status()).isGreaterThanOrEqualTo(400);

        clock.advance(Duration.ofSeconds(301));
        assertThat(admin().send("GET", "/sign/preview-api/" + token, null, false).status()).isEqualTo(404);
    }
}
