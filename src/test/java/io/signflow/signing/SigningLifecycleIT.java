package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesResponse;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A group from creation to its end, as integrators and signers live it: created through the API,
 * each signer told once, signing everything with one action through their link, turns in ordered
 * contracts, rejection and expiry — statuses read back through DescribeFlowInfo.
 */
class SigningLifecycleIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    private record Created(Tenant tenant, String groupId, List<String> flowIds) {
    }

    private Created create(Tenant tenant, ObjectNode request) {
        JsonNode response = tenant.api().ok("CreateFlowGroupByFiles", request);
        List<String> flowIds = new ArrayList<>();
        response.get("FlowIds").forEach(id -> flowIds.add(id.asText()));
        return new Created(tenant, response.get("FlowGroupId").asText(), flowIds);
    }

    /** As an integrator does it: the official SDK's CreateFlowGroupByFiles. */
    private Created createThroughTheSdk(Tenant tenant, ObjectNode request) {
        try {
            CreateFlowGroupByFilesResponse response = sdk(tenant.api()).CreateFlowGroupByFiles(
                    AbstractModel.fromJsonString(request.toString(), CreateFlowGroupByFilesRequest.class));
            return new Created(tenant, response.getFlowGroupId(), List.of(response.getFlowIds()));
        } catch (TencentCloudSDKException e) {
            throw new AssertionError("CreateFlowGroupByFiles through the SDK failed: " + e.getMessage(), e);
        }
    }

    private JsonNode describe(Created group) {
        return group.tenant().api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", group.tenant().operatorId()),
                "FlowGroupId", group.groupId())).get("FlowDetailInfos");
    }

    private static List<Integer> flowStatuses(JsonNode details) {
        List<Integer> statuses = new ArrayList<>();
        details.forEach(d -> statuses.add(d.get("FlowStatus").asInt()));
        return statuses;
    }

    private static int approveStatus(JsonNode detail, String mobile) {
        for (JsonNode approver : detail.get("FlowApproverInfos")) {
            if (mobile.equals(approver.path("Mobile").asText())) {
                return approver.get("ApproveStatus").asInt();
            }
        }
        throw new AssertionError("no approver " + mobile);
    }

    @Test
    void everySignerIsToldOnceAndSignsTheWholeGroupWithOneAction() {
        Tenant tenant = tenants().create();
        String person = Tenants.mobile();
        String counterpart = Tenants.mobile();
        Created group = createThroughTheSdk(tenant, Requests.group(tenant, 3, List.of(Requests.autoSigner(tenant),
                Requests.person("李四", person), Requests.enterprise("对方示例企业" + person, "张三", counterpart))));

        assertThat(SignerClient.invitations(admin(), person)).isEqualTo(1);
        assertThat(SignerClient.invitations(admin(), counterpart)).isEqualTo(1);
        assertThat(flowStatuses(describe(group))).containsOnly(FlowStatus.TO_SIGN);

        SignerClient li = SignerClient.invited(admin(), person);
        JsonNode view = li.view().body();
        assertThat(view.get("state").asText()).isEqualTo("TO_SIGN");
        assertThat(view.get("contracts")).hasSize(3);
        assertThat(view.get("needsSignature").asBoolean()).isTrue();
        assertThat(view.at("/contracts/0/fields/0/type").asText()).isEqualTo("SIGN_SIGNATURE");

        JsonNode signed = li.signNow();

        assertThat(signed.get("state").asText()).isEqualTo("DONE");
        JsonNode afterPerson = describe(group);
        assertThat(flowStatuses(afterPerson)).containsOnly(FlowStatus.PART_SIGNED);
        afterPerson.forEach(d -> assertThat(approveStatus(d, person)).isEqualTo(ApproveStatus.SIGNED));

        SignerClient zhang = SignerClient.invited(admin(), counterpart);
        assertThat(zhang.view().body().get("needsSeal").asBoolean()).isTrue();
        zhang.signNow();

        assertThat(flowStatuses(describe(group))).containsOnly(FlowStatus.ALL_SIGNED);
        assertThat(jdbc.sql("select count(*) from signature_record where flow_id in (:ids)")
                .param("ids", group.flowIds()).query(Long.class).single()).isEqualTo(9);
        assertThat(jdbc.sql("select event from audit_event where flow_id = ? order by id").param(group.flowIds().get(0))
                .query(String.class).list())
                .contains("CREATED", "SIGNED", "NOTIFIED", "LINK_OPENED", "CODE_SENT", "IDENTITY_VERIFIED", "COMPLETED");
    }

    @Test
    void aSignerWithSealAndSignatureFieldsIsRecordedWithBothAndVerifiedByTheirMobile() {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        ObjectNode signer = Requests.enterprise("盖章签字企业" + mobile, "何十", mobile);
        ((com.fasterxml.jackson.databind.node.ArrayNode) signer.get("SignComponents"))
                .add(Requests.component("SIGN_SIGNATURE", 1, 300, 600));
        // FlowGroupOptions left out: ApproverVerifyType is VerifyCheck, the face check Signflow does not offer
        Created group = create(tenant, Requests.group(tenant, 2, List.of(signer)));
        SignerClient he = SignerClient.invited(admin(), mobile);
        assertThat(he.view().body().get("verification").asText()).isEqualTo("MOBILE_CODE");

        he.signNow();

        assertThat(jdbc.sql("select method || ' ' || verification from signature_record s join approver a "
                        + "on a.recipient_id = s.recipient_id where s.flow_id in (:ids) and a.mobile = :mobile")
                .param("ids", group.flowIds()).param("mobile", mobile).query(String.class).list())
                .containsOnly("SEAL_AND_HANDWRITTEN MOBILE_CODE").hasSize(2);
        assertThat(jdbc.sql("select detail from audit_event where flow_id = ? and event = 'IDENTITY_VERIFIED'")
                .param(group.flowIds().get(0)).query(String.class).single())
                .contains("one-time code to " + mobile.substring(0, 3)).contains("VerifyCheck")
                .contains("verified by mobile code");
        assertThat(jdbc.sql("select detail from audit_event where flow_id = ? and event = 'SIGNED' and detail like '%drawn%'")
                .param(group.flowIds().get(0)).query(String.class).single()).endsWith("and handwritten signature");
    }

    @Test
    void aReminderReachesEachSignerOnceForTheGroupAndAtMostThreeTimes() {
        Tenant tenant = tenants().create();
        String person = Tenants.mobile();
        Created group = create(tenant, Requests.group(tenant, 3, List.of(Requests.person("韩十三", person))));
        Map<String, Object> remind = Map.of("Operator", Map.of("UserId", tenant.operatorId()), "FlowIds", group.flowIds());

        for (int call = 1; call <= 3; call++) {
            JsonNode records = tenant.api().ok("CreateFlowReminds", remind).get("RemindFlowRecords");
            assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r.get("CanRemind").asBoolean()).isTrue());
            assertThat(messages(person, "REMINDER")).as("after call %d", call).isEqualTo(call);
        }
        JsonNode fourth = tenant.api().ok("CreateFlowReminds", remind).get("RemindFlowRecords");

        assertThat(fourth).allSatisfy(r -> {
            assertThat(r.get("CanRemind").asBoolean()).isFalse();
            assertThat(r.get("RemindMessage").asText()).contains("3 reminders");
        });
        assertThat(messages(person, "REMINDER")).isEqualTo(3);
        assertThat(jdbc.sql("select reminded from approver where flow_id in (:ids) and mobile = :mobile")
                .param("ids", group.flowIds()).param("mobile", person).query(Integer.class).list()).containsOnly(3);
        // the reminder's fresh link opens the whole group
        SignerClient reminded = SignerClient.withLink(admin(), person, admin().get("/admin/notifications?mobile=" + person)
                .get(0).get("link").asText());
        assertThat(reminded.view().body().get("contracts")).hasSize(3);
    }

    @Test
    void createSchemeUrlWithAFlowGroupIdLinksTheNamedSignerToTheWholeGroup() {
        Tenant tenant = tenants().create();
        String person = Tenants.mobile();
        String other = Tenants.mobile();
        Created group = create(tenant, Requests.group(tenant, 2, List.of(Requests.person("曹十四", person),
                Requests.person("许十五", other))));
        Map<String, Object> operator = Map.of("UserId", tenant.operatorId());

        String url = tenant.api().ok("CreateSchemeUrl", Map.of("Operator", operator, "FlowGroupId", group.groupId(),
                "Name", "曹十四", "Mobile", person, "EndPoint", "HTTP")).get("SchemeUrl").asText();

        SignerClient cao = SignerClient.withLink(admin(), person, url);
        JsonNode view = cao.view().body();
        assertThat(view.at("/signer/name").asText()).isEqualTo("曹十四");
        assertThat(view.get("contracts")).hasSize(2);
        cao.signNow();
        describe(group).forEach(d -> assertThat(approveStatus(d, person)).isEqualTo(ApproveStatus.SIGNED));

        assertThat(tenant.api().code("CreateSchemeUrl", Map.of("Operator", operator, "FlowGroupId", group.groupId(),
                "Name", "曹十四", "Mobile", Tenants.mobile()))).isEqualTo("ResourceNotFound");
        Tenant stranger = tenants().create();
        assertThat(stranger.api().code("CreateSchemeUrl", Map.of("Operator", Map.of("UserId", stranger.operatorId()),
                "FlowGroupId", group.groupId(), "Name", "曹十四", "Mobile", person))).isEqualTo("ResourceNotFound.Flow");
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

    @Test
    void noneSilencesSignersAsTheOptionsSayAndSmsSendsOneInvitationPerGroup() {
        Tenant tenant = tenants().create();
        String colleague = Tenants.mobile();
        String outsider = Tenants.mobile();
        String quiet = Tenants.mobile();
        ObjectNode optedOut = Requests.person("沈十六", quiet);
        optedOut.put("NotifyType", "NONE");
        ObjectNode selfSilenced = Requests.group(tenant, 2, List.of(
                Requests.enterprise(tenant.name(), "经办人二", colleague), Requests.person("杨十七", outsider), optedOut));
        selfSilenced.putObject("FlowGroupOptions").put("SelfOrganizationApproverNotifyType", "NONE");
        create(tenant, selfSilenced);

        assertThat(messages(colleague, "SIGN_INVITATION")).isZero();
        assertThat(messages(quiet, "SIGN_INVITATION")).isZero();
        assertThat(messages(outsider, "SIGN_INVITATION")).isEqualTo(1);

        String colleague2 = Tenants.mobile();
        String outsider2 = Tenants.mobile();
        ObjectNode otherSilenced = Requests.group(tenant, 3, List.of(
                Requests.enterprise(tenant.name(), "经办人三", colleague2), Requests.person("朱十八", outsider2)));
        otherSilenced.putObject("FlowGroupOptions").put("OtherApproverNotifyType", "none");
        create(tenant, otherSilenced);

        assertThat(messages(outsider2, "SIGN_INVITATION")).isZero();
        assertThat(messages(colleague2, "SIGN_INVITATION")).isEqualTo(1);
    }

    @Test
    void anOrderedContractLetsEachSignerActOnlyInTurnAndTellsTheNext() {
        Tenant tenant = tenants().create();
        String first = Tenants.mobile();
        String second = Tenants.mobile();
        ObjectNode request = Requests.group(tenant, 2, List.of(Requests.person("赵一", first), Requests.person("钱二", second)));
        request.get("FlowGroupInfos").forEach(info -> ((ObjectNode) info).put("Unordered", false));
        Created group = create(tenant, request);

        assertThat(SignerClient.invitations(admin(), first)).isEqualTo(1);
        assertThat(SignerClient.invitations(admin(), second)).isZero();
        assertThat(approveStatus(describe(group).get(0), second)).isEqualTo(ApproveStatus.NOT_REACHED);

        SignerClient.invited(admin(), first).signNow();

        assertThat(SignerClient.invitations(admin(), second)).isEqualTo(1);
        SignerClient qian = SignerClient.invited(admin(), second);
        qian.signNow();
        assertThat(flowStatuses(describe(group))).containsOnly(FlowStatus.ALL_SIGNED);
    }

    @Test
    void outOfTurnWrongCodesSigningTwiceAndStrangeLinksChangeNothing() {
        Tenant tenant = tenants().create();
        String first = Tenants.mobile();
        String second = Tenants.mobile();
        ObjectNode request = Requests.group(tenant, 2, List.of(Requests.person("孙三", first), Requests.person("周四", second)));
        request.get("FlowGroupInfos").forEach(info -> ((ObjectNode) info).put("Unordered", false));
        Created group = create(tenant, request);
        SignerClient sun = SignerClient.invited(admin(), first);

        // a link for the second signer, as an integrator would fetch it
        String secondLink = tenant.api().ok("CreateFlowSignUrl", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowId", group.flowIds().get(0), "FlowApproverInfos", List.of(Map.of("ApproverType", 1,
                        "ApproverName", "周四", "ApproverMobile", second)))).at("/FlowApproverUrlInfos/0/SignUrl").asText();
        SignerClient zhou = SignerClient.withLink(admin(), second, secondLink);
        assertThat(zhou.view().body().get("state").asText()).isEqualTo("WAITING");
        assertThat(zhou.requestCode().status()).isEqualTo(409);
        AdminClient.Reply outOfTurn = zhou.sign("123456");
        assertThat(outOfTurn.status()).isEqualTo(409);
        assertThat(outOfTurn.body().get("detail").asText()).contains("not your turn");
        assertThat(zhou.reject("123456", "不同意").status()).isEqualTo(409);

        // a real link of another group opens none of this group's contracts
        String outsider = Tenants.mobile();
        Created other = create(tenant, Requests.group(tenant, 2, List.of(Requests.person("吕十九", outsider))));
        SignerClient lv = SignerClient.invited(admin(), outsider);
        assertThat(lv.page(group.flowIds().get(0), 1).status()).isEqualTo(404);
        assertThat(lv.page(other.flowIds().get(0), 1).status()).isEqualTo(200);
        assertThat(sun.page(other.flowIds().get(0), 1).status()).isEqualTo(404);
        assertThat(lv.reject(Map.of("code", lv.code(), "reason", "不签", "flowIds", group.flowIds())).status())
                .isEqualTo(409);
        assertThat(flowStatuses(describe(other))).containsOnly(FlowStatus.TO_SIGN);

        String code = sun.code();
        assertThat(sun.sign(wrong(code)).status()).isEqualTo(400);
        assertThat(sun.sign(Map.of("code", code)).status()).isEqualTo(400);
        assertThat(sun.sign(Map.of("code", code, "signatureImage", blankPng())).status()).isEqualTo(400);
        assertThat(flowStatuses(describe(group))).containsOnly(FlowStatus.TO_SIGN);

        assertThat(sun.sign(code).status()).isEqualTo(200);
        assertThat(sun.sign(code).status()).isEqualTo(409);
        assertThat(SignerClient.withLink(admin(), first, "http://x/sign/" + "A".repeat(43)).view().status()).isEqualTo(404);
        assertThat(flowStatuses(describe(group))).containsOnly(FlowStatus.PART_SIGNED);
    }

    @Test
    void expiredCodesAndTooManyWrongOnesAreRefused() {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        create(tenant, Requests.group(tenant, 2, List.of(Requests.person("吴五", mobile))));
        SignerClient wu = SignerClient.invited(admin(), mobile);

        String code = wu.code();
        jdbc.sql("update verification_code set expires_at = sent_at where signer_id in "
                + "(select id from signer where mobile = ?)").param(mobile).update();
        assertThat(wu.sign(code).status()).isEqualTo(400);

        jdbc.sql("update verification_code set sent_at = sent_at - interval '2' minute where signer_id in "
                + "(select id from signer where mobile = ?)").param(mobile).update();
        String fresh = wu.code();
        for (int i = 0; i < 5; i++) {
            assertThat(wu.sign(wrong(fresh)).status()).isEqualTo(400);
        }
        AdminClient.Reply locked = wu.sign(fresh);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body().get("detail").asText()).contains("Too many wrong codes");
    }

    @Test
    void anExpiredLinkOpensNothingAndSignsNothing() {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        Created group = create(tenant, Requests.group(tenant, 2, List.of(Requests.person("郑九", mobile))));
        SignerClient zheng = SignerClient.invited(admin(), mobile);
        String code = zheng.code();

        jdbc.sql("update sign_link set expires_at = created_at where signer_id in "
                + "(select id from signer where mobile = ?)").param(mobile).update();
        assertThat(zheng.view().status()).isEqualTo(404);
        assertThat(zheng.sign(code).status()).isEqualTo(404);
        assertThat(zheng.requestCode().status()).isEqualTo(404);
        assertThat(flowStatuses(describe(group))).containsOnly(FlowStatus.TO_SIGN);
    }

    @Test
    void aRejectionEndsThatContractAndStopsTheOthersSigners() {
        Tenant tenant = tenants().create();
        String rejecting = Tenants.mobile();
        String other = Tenants.mobile();
        Created group = create(tenant, Requests.group(tenant, 2, List.of(Requests.person("郑六", rejecting),
                Requests.person("王七", other))));
        SignerClient zheng = SignerClient.invited(admin(), rejecting);

        AdminClient.Reply reply = zheng.reject(zheng.code(), "价格条款有误");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode details = describe(group);
        assertThat(flowStatuses(details)).containsOnly(FlowStatus.REJECTED);
        details.forEach(d -> {
            assertThat(d.get("FlowMessage").asText()).isEqualTo("价格条款有误");
            assertThat(approveStatus(d, rejecting)).isEqualTo(ApproveStatus.REJECTED);
            assertThat(approveStatus(d, other)).isEqualTo(ApproveStatus.STOPPED);
        });
        assertThat(SignerClient.invited(admin(), other).view().body().get("state").asText()).isEqualTo("ENDED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select status from flow_group where id = ?").param(group.groupId()).query(String.class).single())
                .isEqualTo("ENDED"));
    }

    @Test
    void theDeadlineEndsAContractAsExpiredKeepingWhoSigned() {
        Tenant tenant = tenants().create();
        String signs = Tenants.mobile();
        String late = Tenants.mobile();
        ObjectNode request = Requests.group(tenant, 2, List.of(Requests.person("冯八", signs),
                Requests.person("陈九", late)));
        long deadline = java.time.Instant.now().plus(Duration.ofDays(7)).getEpochSecond();
        request.get("FlowGroupInfos").forEach(info -> ((ObjectNode) info).put("Deadline", deadline));
        Created group = create(tenant, request);
        SignerClient.invited(admin(), signs).signNow();

        // the deadline timer is due exactly at the contract's Deadline; run it as the job executor would then
        String flowId = group.flowIds().get(0);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(flowId).singleResult().getId();
        var timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
        assertThat(timer.getDuedate().toInstant().getEpochSecond()).isEqualTo(deadline);
        assertThat(tenant.api().ok("DescribeFlowBriefs", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowIds", List.of(flowId))).at("/FlowBriefs/0/Deadline").asLong()).isEqualTo(deadline);
        management.executeJob(timer.getId());

        JsonNode expired = describe(group).get(0);
        assertThat(expired.get("FlowStatus").asInt()).isEqualTo(FlowStatus.EXPIRED);
        assertThat(approveStatus(expired, signs)).isEqualTo(ApproveStatus.SIGNED);
        assertThat(approveStatus(expired, late)).isEqualTo(ApproveStatus.EXPIRED);
        assertThat(describe(group).get(1).get("FlowStatus").asInt()).isEqualTo(FlowStatus.PART_SIGNED);
    }

    private static Map<String, Object> wrong(String code) {
        String other = code.equals("000000") ? "111111" : "000000";
        return Map.of("code", other, "signatureImage", SignerClient.signaturePng());
    }

    private static String blankPng() {
        var image = new java.awt.image.BufferedImage(300, 100, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
