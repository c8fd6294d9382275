package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.ess.v20201111.EssClient;
import com.tencentcloudapi.ess.v20201111.models.CreateBatchQuickSignUrlRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateBatchQuickSignUrlResponse;
import com.tencentcloudapi.ess.v20201111.models.CreateOrganizationBatchSignUrlRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateOrganizationBatchSignUrlResponse;
import com.tencentcloudapi.ess.v20201111.models.FlowCreateApprover;
import com.tencentcloudapi.ess.v20201111.models.UserInfo;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Batch links and group reminders through the official Java SDK, as an integrator calls them: a link
 * opens the signer page for exactly the contracts it was asked for, one code signs them all, it offers
 * the JumpUrl afterwards and expires when ESS says; reminders keep CreateFlowReminds' limits.
 */
class BatchLinksIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private record Created(String groupId, List<String> flowIds) {
    }

    private Created create(Tenant tenant, int flows, List<ObjectNode> approvers) {
        JsonNode response = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, flows, approvers));
        List<String> flowIds = new ArrayList<>();
        response.get("FlowIds").forEach(id -> flowIds.add(id.asText()));
        return new Created(response.get("FlowGroupId").asText(), flowIds);
    }

    private static UserInfo operator(Tenant tenant) {
        UserInfo operator = new UserInfo();
        operator.setUserId(tenant.operatorId());
        return operator;
    }

    private static FlowCreateApprover person(String name, String mobile) {
        FlowCreateApprover approver = new FlowCreateApprover();
        approver.setApproverType(1L);
        approver.setApproverName(name);
        approver.setApproverMobile(mobile);
        return approver;
    }

    private CreateBatchQuickSignUrlRequest quick(Tenant tenant, FlowCreateApprover signer, Consumer<CreateBatchQuickSignUrlRequest> scope) {
        CreateBatchQuickSignUrlRequest request = new CreateBatchQuickSignUrlRequest();
        request.setOperator(operator(tenant));
        request.setFlowApproverInfo(signer);
        scope.accept(request);
        return request;
    }

    private static String code(ThrowingCall call) {
        return catchThrowableOfType(TencentCloudSDKException.class, call::run).getErrorCode();
    }

    private interface ThrowingCall {
        void run() throws TencentCloudSDKException;
    }

    private List<Integer> approveStatuses(Tenant tenant, List<String> flowIds, String mobile) {
        List<Integer> statuses = new ArrayList<>();
        tenant.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", tenant.operatorId()), "FlowIds", flowIds))
                .get("FlowDetailInfos").forEach(detail -> detail.get("FlowApproverInfos").forEach(a -> {
                    if (mobile.equals(a.path("Mobile").asText())) {
                        statuses.add(a.get("ApproveStatus").asInt());
                    }
                }));
        return statuses;
    }

    private static List<String> shownFlowIds(JsonNode view) {
        List<String> ids = new ArrayList<>();
        view.get("contracts").forEach(c -> ids.add(c.get("flowId").asText()));
        return ids;
    }

    @Test
    void aPersonsLinkToAGroupOpensExactlyItsContractsSignsThemAllAndOffersTheJumpUrl() throws Exception {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        Created group = create(tenant, 3, List.of(Requests.person("李批量", mobile), Requests.person("王旁人", Tenants.mobile())));
        Created other = create(tenant, 2, List.of(Requests.person("李批量", mobile)));
        EssClient ess = sdk(tenant.api());

        CreateBatchQuickSignUrlResponse link = ess.CreateBatchQuickSignUrl(quick(tenant, person("李批量", mobile), r -> {
            r.setFlowGroupId(group.groupId());
            r.setJumpUrl("https://app.example.com/signed?order=7");
            r.setSignatureTypes(new Long[] {0L});
            r.setApproverSignTypes(new Long[] {1L, 2L});
        }));

        assertThat(link.getFlowApproverUrlInfo().getApproverName()).isEqualTo("李批量");
        assertThat(link.getFlowApproverUrlInfo().getApproverMobile()).isEqualTo(mobile);
        assertThat(link.getFlowApproverUrlInfo().getApproverType()).isEqualTo(1L);
        assertThat(link.getRequestId()).isNotBlank();
        SignerClient signer = SignerClient.withLink(admin(), mobile, link.getFlowApproverUrlInfo().getSignUrl());
        JsonNode view = signer.view().body();
        assertThat(shownFlowIds(view)).containsExactlyElementsOf(group.flowIds());
        assertThat(view.get("jumpUrl").asText()).isEqualTo("https://app.example.com/signed?order=7");

        JsonNode signed = signer.signNow();

        assertThat(signed.get("state").asText()).isEqualTo("DONE");
        assertThat(signed.get("jumpUrl").asText()).isEqualTo("https://app.example.com/signed?order=7");
        assertThat(approveStatuses(tenant, group.flowIds(), mobile)).hasSize(3).containsOnly(ApproveStatus.SIGNED);
        assertThat(approveStatuses(tenant, other.flowIds(), mobile)).hasSize(2).containsOnly(ApproveStatus.TO_SIGN);
    }

    @Test
    void aLinkByFlowIdsNamesAWholeGroupOfOneSignerAndExpiresAfterThirtyMinutes() throws Exception {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        String organization = "批量对方企业" + mobile;
        Created group = create(tenant, 2, List.of(Requests.enterprise(organization, "张企业", mobile)));
        Created other = create(tenant, 2, List.of(Requests.enterprise(organization, "张企业", mobile)));
        FlowCreateApprover signer = new FlowCreateApprover();
        signer.setApproverType(0L);
        signer.setOrganizationName(organization);
        signer.setApproverName("张企业");
        signer.setApproverMobile(mobile);
        EssClient ess = sdk(tenant.api());

        JsonNode raw = tenant.api().ok("CreateBatchQuickSignUrl", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowIds", group.flowIds(), "FlowApproverInfo", Map.of("ApproverType", 0, "OrganizationName", organization,
                        "ApproverName", "张企业", "ApproverMobile", mobile)));
        long expiresIn = raw.get("ExpiredTime").asLong() - Instant.now().getEpochSecond();
        assertThat(expiresIn).isBetween(1790L, 1800L);
        SignerClient zhang = SignerClient.withLink(admin(), mobile, raw.at("/FlowApproverUrlInfo/SignUrl").asText());
        JsonNode view = zhang.view().body();
        assertThat(shownFlowIds(view)).containsExactlyElementsOf(group.flowIds());
        assertThat(view.get("needsSeal").asBoolean()).isTrue();
        assertThat(view.get("jumpUrl").isNull()).isTrue();

        // a group is signed as a whole: part of it, or contracts of two groups, make no link
        assertThat(code(() -> ess.CreateBatchQuickSignUrl(quick(tenant, signer,
                r -> r.setFlowIds(new String[] {group.flowIds().get(0)}))))).isEqualTo("InvalidParameter.ParamError");
        assertThat(code(() -> ess.CreateBatchQuickSignUrl(quick(tenant, signer, r -> r.setFlowIds(new String[] {
                group.flowIds().get(0), group.flowIds().get(1), other.flowIds().get(0)}))))).isEqualTo("InvalidParameter.ParamError");

        // FlowBatchUrlInfo: the same contracts, named with the signer's RecipientId in each
        List<Map<String, String>> pairs = new ArrayList<>();
        tenant.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", tenant.operatorId()), "FlowIds",
                group.flowIds())).get("FlowDetailInfos").forEach(d -> pairs.add(Map.of("FlowId", d.get("FlowId").asText(),
                        "RecipientId", d.at("/FlowApproverInfos/0/RecipientId").asText())));
        JsonNode viaPairs = tenant.api().ok("CreateBatchQuickSignUrl", Map.of("Operator", Map.of("UserId",
                tenant.operatorId()), "FlowBatchUrlInfo", Map.of("FlowBatchApproverInfos", pairs), "FlowApproverInfo",
                Map.of("ApproverType", 0, "OrganizationName", organization, "ApproverName", "张企业", "ApproverMobile", mobile)));
        assertThat(shownFlowIds(SignerClient.withLink(admin(), mobile, viaPairs.at("/FlowApproverUrlInfo/SignUrl").asText())
                .view().body())).containsExactlyElementsOf(group.flowIds());

        clock.advance(Duration.ofMinutes(31));
        assertThat(zhang.view().status()).isEqualTo(404);
    }

    @Test
    void refusalsSayWhatIsWrongAndStrangersSeeNothing() throws Exception {
        Tenant tenant = tenants().create();
        Tenant stranger = tenants().create();
        String mobile = Tenants.mobile();
        Created group = create(tenant, 2, List.of(Requests.person("赵拒绝", mobile)));
        Created cancelled = create(tenant, 2, List.of(Requests.person("赵拒绝", mobile)));
        for (String flowId : cancelled.flowIds()) {
            tenant.api().ok("CancelFlow", Map.of("Operator", Map.of("UserId", tenant.operatorId()), "FlowId", flowId,
                    "CancelMessage", "不再需要"));
        }
        EssClient ess = sdk(tenant.api());
        FlowCreateApprover zhao = person("赵拒绝", mobile);

        assertThat(code(() -> sdk(stranger.api()).CreateBatchQuickSignUrl(quick(stranger, zhao,
                r -> r.setFlowGroupId(group.groupId()))))).isEqualTo("ResourceNotFound.Flow");
        assertThat(code(() -> ess.CreateBatchQuickSignUrl(quick(tenant, zhao, r -> r.setFlowGroupId("no-such-group")))))
                .isEqualTo("ResourceNotFound.Flow");
        assertThat(code(() -> ess.CreateBatchQuickSignUrl(quick(tenant, zhao, r -> r.setFlowIds(new String[] {"no-such-flow"})))))
                .isEqualTo("ResourceNotFound.Flow");
        assertThat(code(() -> ess.CreateBatchQuickSignUrl(quick(tenant, person("赵拒绝", Tenants.mobile()),
                r -> r.setFlowGroupId(group.groupId()))))).isEqualTo("ResourceNotFound");
        assertThat(code(() -> ess.CreateBatchQuickSignUrl(quick(tenant, zhao, r -> r.setFlowGroupId(cancelled.groupId())))))
                .isEqualTo("OperationDenied.FlowHasTerminated");
        assertThat(code(() -> ess.CreateBatchQuickSignUrl(quick(tenant, zhao, r -> { })))).isEqualTo("MissingParameter");
        assertThat(code(() -> ess.CreateBatchQuickSignUrl(quick(tenant, zhao, r -> {
            r.setFlowGroupId(group.groupId());
            r.setFlowIds(group.flowIds().toArray(String[]::new));
        })))).isEqualTo("InvalidParameter.ParamError");
        assertThat(code(() -> ess.CreateBatchQuickSignUrl(quick(tenant, null, r -> r.setFlowGroupId(group.groupId())))))
                .isEqualTo("MissingParameter.FlowApprover");
        assertThat(code(() -> ess.CreateBatchQuickSignUrl(quick(tenant, zhao, r -> {
            r.setFlowGroupId(group.groupId());
            r.setJumpUrl("javascript:alert(1)");
        })))).isEqualTo("InvalidParameter.JumpUrl");
        assertThat(code(() -> ess.CreateBatchQuickSignUrl(quick(tenant, zhao, r -> {
            r.setFlowGroupId(group.groupId());
            r.setSignatureTypes(new Long[] {2L});
        })))).isEqualTo("UnsupportedOperation");
        FlowCreateApprover noMobile = person("赵拒绝", null);
        assertThat(code(() -> ess.CreateBatchQuickSignUrl(quick(tenant, noMobile, r -> r.setFlowGroupId(group.groupId())))))
                .isEqualTo("MissingParameter.ApproverMobile");
        // a refused request issues no link: the signer holds only the links of their two invitations
        assertThat(jdbc.sql("select count(*) from sign_link l join signer s on s.id = l.signer_id where s.mobile = ?")
                .param(mobile).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anEmployeesOrganizationLinkByUserIdNameOrRecipientIdsSignsWithTheirSeal() throws Exception {
        Tenant tenant = tenants().create();
        String outsiderMobile = Tenants.mobile();
        String outsiderOrganization = "批量他方企业" + outsiderMobile;
        Created group = create(tenant, 2, List.of(Requests.enterprise(tenant.name(), tenant.operatorName(),
                tenant.operatorMobile()), Requests.enterprise(outsiderOrganization, "钱他方", outsiderMobile)));
        EssClient ess = sdk(tenant.api());

        CreateOrganizationBatchSignUrlRequest byUserId = new CreateOrganizationBatchSignUrlRequest();
        byUserId.setOperator(operator(tenant));
        byUserId.setUserId(tenant.operatorId());
        byUserId.setFlowGroupId(group.groupId());
        CreateOrganizationBatchSignUrlResponse link = ess.CreateOrganizationBatchSignUrl(byUserId);

        assertThat(link.getExpiredTime() - Instant.now().getEpochSecond()).isBetween(604_790L, 604_800L);
        SignerClient employee = SignerClient.withLink(admin(), tenant.operatorMobile(), link.getSignUrl());
        assertThat(shownFlowIds(employee.view().body())).containsExactlyElementsOf(group.flowIds());
        assertThat(employee.signNow().get("state").asText()).isEqualTo("DONE");
        assertThat(approveStatuses(tenant, group.flowIds(), tenant.operatorMobile())).containsOnly(ApproveStatus.SIGNED);

        CreateOrganizationBatchSignUrlRequest byName = new CreateOrganizationBatchSignUrlRequest();
        byName.setOperator(operator(tenant));
        byName.setName(tenant.operatorName());
        byName.setMobile(tenant.operatorMobile());
        byName.setFlowIds(group.flowIds().toArray(String[]::new));
        assertThat(ess.CreateOrganizationBatchSignUrl(byName).getSignUrl()).contains("/sign/");

        List<String> recipientIds = new ArrayList<>();
        tenant.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowIds", group.flowIds())).get("FlowDetailInfos").forEach(d -> d.get("FlowApproverInfos").forEach(a -> {
                    if (outsiderMobile.equals(a.path("Mobile").asText())) {
                        recipientIds.add(a.get("RecipientId").asText());
                    }
                }));
        CreateOrganizationBatchSignUrlRequest byRecipients = new CreateOrganizationBatchSignUrlRequest();
        byRecipients.setOperator(operator(tenant));
        byRecipients.setFlowIds(group.flowIds().toArray(String[]::new));
        byRecipients.setRecipientIds(recipientIds.toArray(String[]::new));
        SignerClient outsider = SignerClient.withLink(admin(), outsiderMobile,
                ess.CreateOrganizationBatchSignUrl(byRecipients).getSignUrl());
        assertThat(outsider.view().body().at("/signer/organization").asText()).isEqualTo(outsiderOrganization);
        outsider.signNow();
        assertThat(approveStatuses(tenant, group.flowIds(), outsiderMobile)).containsOnly(ApproveStatus.SIGNED);

        Tenant stranger = tenants().create();
        CreateOrganizationBatchSignUrlRequest strangersEmployee = new CreateOrganizationBatchSignUrlRequest();
        strangersEmployee.setOperator(operator(tenant));
        strangersEmployee.setUserId(stranger.operatorId());
        strangersEmployee.setFlowGroupId(group.groupId());
        assertThat(code(() -> ess.CreateOrganizationBatchSignUrl(strangersEmployee))).isEqualTo("ResourceNotFound.User");
        CreateOrganizationBatchSignUrlRequest nobody = new CreateOrganizationBatchSignUrlRequest();
        nobody.setOperator(operator(tenant));
        nobody.setFlowGroupId(group.groupId());
        assertThat(code(() -> ess.CreateOrganizationBatchSignUrl(nobody))).isEqualTo("MissingParameter.UserId");
        CreateOrganizationBatchSignUrlRequest foreignGroup = new CreateOrganizationBatchSignUrlRequest();
        foreignGroup.setOperator(operator(stranger));
        foreignGroup.setUserId(stranger.operatorId());
        foreignGroup.setFlowGroupId(group.groupId());
        assertThat(code(() -> sdk(stranger.api()).CreateOrganizationBatchSignUrl(foreignGroup)))
                .isEqualTo("ResourceNotFound.Flow");
        // everything signed: the contracts have ended
        assertThat(code(() -> ess.CreateOrganizationBatchSignUrl(byUserId))).isEqualTo("OperationDenied.FlowHasTerminated");
    }

    @Test
    void groupRemindersGoOncePerSignerAtMostThreeTimesAndAnswerPerSigner() throws Exception {
        Tenant tenant = tenants().create();
        String first = Tenants.mobile();
        String second = Tenants.mobile();
        ObjectNode request = Requests.group(tenant, 2,
                List.of(Requests.person("孙催办", first), Requests.person("周后签", second)));
        request.get("FlowGroupInfos").forEach(info -> ((ObjectNode) info)
                .put("Unordered", false));
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", request);
        String groupId = created.get("FlowGroupId").asText();
        String body = ApiClient.JSON.writeValueAsString(Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowGroupId", groupId));

        for (int call = 1; call <= 3; call++) {
            JsonNode records = ApiClient.JSON.readTree(common(tenant.api()).call("CreateFlowGroupReminds", body))
                    .at("/Response/RemindFlowGroupRecords");
            assertThat(records).hasSize(2);
            JsonNode sun = records.get(0);
            assertThat(sun.get("ApproverName").asText()).isEqualTo("孙催办");
            assertThat(sun.get("Mobile").asText()).isEqualTo(first);
            assertThat(sun.get("FlowIds")).hasSize(2);
            assertThat(sun.get("FlowNames").get(0).asText()).isEqualTo("测试合同1");
            assertThat(sun.get("RemindMessageList")).allSatisfy(d -> assertThat(d.get("Status").asLong()).isZero());
            assertThat(records.get(1).get("RemindMessageList"))
                    .allSatisfy(d -> assertThat(d.get("Status").asLong()).isEqualTo(2));
            assertThat(messages(first, "REMINDER")).isEqualTo(call);
        }
        JsonNode fourth = ApiClient.JSON.readTree(common(tenant.api()).call("CreateFlowGroupReminds", body))
                .at("/Response/RemindFlowGroupRecords/0/RemindMessageList");
        assertThat(fourth).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("Status").asLong()).isEqualTo(5);
            assertThat(d.get("SignId").asText()).isNotBlank();
        });
        assertThat(messages(first, "REMINDER")).isEqualTo(3);
        assertThat(messages(second, "REMINDER")).isZero();

        Tenant stranger = tenants().create();
        assertThat(stranger.api().code("CreateFlowGroupReminds", Map.of("Operator", Map.of("UserId", stranger.operatorId()),
                "FlowGroupId", groupId))).isEqualTo("ResourceNotFound.Flow");
        assertThat(tenant.api().code("CreateFlowGroupReminds", Map.of("Operator", Map.of("UserId", tenant.operatorId()))))
                .isEqualTo("MissingParameter");
        for (JsonNode flowId : created.get("FlowIds")) {
            tenant.api().ok("CancelFlow", Map.of("Operator", Map.of("UserId", tenant.operatorId()), "FlowId", flowId.asText(),
                    "CancelMessage", "不再需要"));
        }
        assertThat(tenant.api().code("CreateFlowGroupReminds", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowGroupId", groupId))).isEqualTo("OperationDenied.FlowHasTerminated");
    }

    private int messages(String mobile, String purpose) {
        int count = 0;
        for (JsonNode message : admin().get("/admin/notifications?mobile=" + mobile)) {
            if (message.get("purpose").asText().equals(purpose)) {
                count++;
            }
        }
        return count;
    }
}
