package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.ess.v20201111.EssClient;
import com.tencentcloudapi.ess.v20201111.models.CcInfo;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesResponse;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowInfoRequest;
import com.tencentcloudapi.ess.v20201111.models.FlowApproverDetail;
import com.tencentcloudapi.ess.v20201111.models.FlowDetailInfo;
import com.tencentcloudapi.ess.v20201111.models.FlowGroupInfo;
import com.tencentcloudapi.ess.v20201111.models.UserInfo;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Browser;
import io.signflow.support.FlowGroupInfoWithCopies;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Copied parties (CcInfos) through the official SDK: told in the outbox at the moment CcNotifyType
 * names, reading the contracts they are copied on through a link that signs nothing, listed by
 * DescribeFlowInfo, and refused when repeated or too many.
 */
class CopiedPartiesIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private record Created(String groupId, List<String> flowIds) {
    }

    /** A group of three contracts signed by one person; {@code copies} adds copied parties to contract i. */
    private Created create(Tenant tenant, String signer, UnaryOperator<FlowGroupInfo[]> copies)
            throws TencentCloudSDKException {
        CreateFlowGroupByFilesRequest request = AbstractModel.fromJsonString(Requests.group(tenant, 3,
                List.of(Requests.person("李四", signer))).toString(), CreateFlowGroupByFilesRequest.class);
        request.setFlowGroupInfos(copies.apply(request.getFlowGroupInfos()));
        CreateFlowGroupByFilesResponse response = sdk(tenant.api()).CreateFlowGroupByFiles(request);
        return new Created(response.getFlowGroupId(), List.of(response.getFlowIds()));
    }

    private List<String> copyNotices(String mobile) {
        return jdbc.sql("select flow_id from outbox_message where kind = 'NOTIFICATION' and recipient = ? "
                + "and subject = 'COPY_NOTICE' order by created_at").param(mobile).query(String.class).list();
    }

    private static FlowDetailInfo[] describe(EssClient ess, Tenant tenant, String groupId)
            throws TencentCloudSDKException {
        DescribeFlowInfoRequest request = new DescribeFlowInfoRequest();
        UserInfo operator = new UserInfo();
        operator.setUserId(tenant.operatorId());
        request.setOperator(operator);
        request.setFlowGroupId(groupId);
        return ess.DescribeFlowInfo(request).getFlowDetailInfos();
    }

    private static String linkOf(AdminClient admin, String mobile) {
        for (JsonNode message : admin.get("/admin/notifications?mobile=" + mobile)) {
            if (message.get("purpose").asText().equals("COPY_NOTICE")) {
                return message.get("link").asText();
            }
        }
        throw new AssertionError("No copy notice reached " + mobile);
    }

    @Test
    void copiedPartiesAreToldWhenTheirContractSaysAndReadOnlyWhatTheyAreCopiedOn() throws Exception {
        Tenant tenant = tenants().create();
        String signer = Tenants.mobile();
        String atStart = Tenants.mobile();
        String atCompletion = Tenants.mobile();
        String silent = Tenants.mobile();
        CcInfo quiet = FlowGroupInfoWithCopies.cc("赵六", silent);
        quiet.setNotifyType("none");
        CcInfo employee = FlowGroupInfoWithCopies.cc("钱七", atCompletion);
        employee.setCcType(1L);
        Created group = create(tenant, signer, infos -> new FlowGroupInfo[] {
                new FlowGroupInfoWithCopies(infos[0], null, FlowGroupInfoWithCopies.cc("王五", atStart), quiet),
                new FlowGroupInfoWithCopies(infos[1], 0L, FlowGroupInfoWithCopies.cc("王五", atStart)),
                new FlowGroupInfoWithCopies(infos[2], 1L, employee)});

        // at the start: one notice for the reader of the first two contracts, nothing yet for the third's
        assertThat(copyNotices(atStart)).containsExactly(group.flowIds().get(0));
        assertThat(copyNotices(atCompletion)).isEmpty();
        assertThat(copyNotices(silent)).isEmpty();
        assertThat(jdbc.sql("select detail from audit_event where flow_id = ? and event = 'NOTIFIED' and detail like 'copy%'")
                .param(group.flowIds().get(1)).query(String.class).list())
                .containsExactly("copy notice already sent for the group to " + atStart.substring(0, 3) + "****"
                        + atStart.substring(7));

        FlowDetailInfo[] details = describe(sdk(tenant.api()), tenant, group.groupId());
        FlowApproverDetail first = details[0].getCcInfos()[0];
        assertThat(first.getApproveName()).isEqualTo("王五");
        assertThat(first.getMobile()).isEqualTo(atStart);
        assertThat(first.getApproveType()).isEqualTo("PERSON");
        assertThat(first.getRecipientId()).hasSize(32);
        assertThat(details[0].getCcInfos()).extracting(FlowApproverDetail::getMobile).containsExactly(atStart, silent);
        FlowApproverDetail copiedEmployee = details[2].getCcInfos()[0];
        assertThat(copiedEmployee.getApproveType()).isEqualTo("ORGANIZATION");
        assertThat(copiedEmployee.getOrganizationName()).isEqualTo(tenant.name());
        assertThat(details[2].getFlowApproverInfos()).extracting(FlowApproverDetail::getMobile).containsExactly(signer);

        // the link shows the two contracts the reader is copied on, and nothing else
        SignerClient reader = SignerClient.withLink(admin(), atStart, linkOf(admin(), atStart));
        AdminClient.Reply view = reader.view();
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body().get("state").asText()).isEqualTo("READ_ONLY");
        assertThat(view.body().get("readOnly").asBoolean()).isTrue();
        List<String> shown = new ArrayList<>();
        view.body().get("contracts").forEach(c -> shown.add(c.get("flowId").asText()));
        assertThat(shown).containsExactly(group.flowIds().get(0), group.flowIds().get(1));
        assertThat(view.body().at("/contracts/0/pages")).hasSize(2);
        assertThat(view.body().at("/contracts/0/fields")).isEmpty();
        assertThat(view.body().at("/contracts/0/canSign").asBoolean()).isFalse();
        assertThat(reader.page(group.flowIds().get(0), 1).status()).isEqualTo(200);
        assertThat(reader.page(group.flowIds().get(2), 1).status()).isEqualTo(404);
        Created other = create(tenant, Tenants.mobile(), infos -> infos);
        assertThat(reader.page(other.flowIds().get(0), 1).status()).isEqualTo(404);

        // it signs, fills and rejects nothing, and asks for no code
        assertThat(reader.requestCode().status()).isEqualTo(403);
        assertThat(reader.sign(Map.of("code", "123456", "signatureImage",
                "data:image/png;base64," + SignerClient.signaturePng())).status()).isEqualTo(403);
        assertThat(reader.reject("123456", "不同意").status()).isEqualTo(403);
        assertThat(copyNotices(atStart)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = ? and subject = 'VERIFICATION_CODE'")
                .param(atStart).query(Integer.class).single()).isZero();

        // the signer signs everything: the third contract's copied party is told now, the others not again
        SignerClient.invited(admin(), signer).signNow();
        assertThat(copyNotices(atCompletion)).containsExactly(group.flowIds().get(2));
        assertThat(copyNotices(atStart)).hasSize(1);
        assertThat(copyNotices(silent)).isEmpty();
        SignerClient late = SignerClient.withLink(admin(), atCompletion, linkOf(admin(), atCompletion));
        JsonNode completed = late.view().body();
        assertThat(completed.at("/contracts/0/flowId").asText()).isEqualTo(group.flowIds().get(2));
        assertThat(completed.at("/contracts/0/flowStatus").asInt()).isEqualTo(4);
        assertThat(completed.get("contracts")).hasSize(1);
    }

    @Test
    void theReadOnlyLinkOpensTheSignerPageWithNothingToDo() throws Exception {
        try (Browser browser = Browser.phone()) {
            Tenant tenant = tenants().create();
            String reader = Tenants.mobile();
            Created group = create(tenant, Tenants.mobile(), infos -> new FlowGroupInfo[] {
                    new FlowGroupInfoWithCopies(infos[0], 0L, FlowGroupInfoWithCopies.cc("王五", reader)), infos[1],
                    new FlowGroupInfoWithCopies(infos[2], 0L, FlowGroupInfoWithCopies.cc("王五", reader))});
            String link = linkOf(admin(), reader);

            browser.driver().get("http://localhost:" + port + "/sign/" + link.substring(link.lastIndexOf('/') + 1));
            browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state",
                    "READ_ONLY"));
            browser.await(Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(browser.driver().executeScript(
                    "return Array.from(document.querySelectorAll('.page img')).every(i => i.complete && i.naturalWidth > 0)")));
            assertThat(browser.driver().findElements(By.cssSelector(".contract"))).hasSize(2);
            assertThat(browser.driver().findElements(By.cssSelector(".page img"))).hasSize(2);
            assertThat(browser.driver().findElements(By.cssSelector(".contract .field"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("act")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("signer")).getText()).contains("王五");
            browser.screenshot("copied-party-read-only");
            assertThat(group.flowIds()).hasSize(3);
        }
    }

    @Test
    void aRepeatedCopiedPartyOrMoreThanFiftyAreRefused() {
        Tenant tenant = tenants().create();
        String signer = Tenants.mobile();
        String mobile = Tenants.mobile();
        assertThatThrownBy(() -> create(tenant, signer, infos -> new FlowGroupInfo[] {
                new FlowGroupInfoWithCopies(infos[0], 0L, FlowGroupInfoWithCopies.cc("王五", mobile),
                        FlowGroupInfoWithCopies.cc("王六", mobile)), infos[1], infos[2]}))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OperationDenied.CcUserRepeat"));
        assertThatThrownBy(() -> create(tenant, signer, infos -> new FlowGroupInfo[] {
                new FlowGroupInfoWithCopies(infos[0], 0L, FlowGroupInfoWithCopies.cc("王五", signer)), infos[1],
                infos[2]}))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OperationDenied.CcUserRepeat"));
        CcInfo[] many = new CcInfo[51];
        Arrays.setAll(many, i -> FlowGroupInfoWithCopies.cc("王五", String.format("137%08d", i)));
        assertThatThrownBy(() -> create(tenant, signer, infos -> new FlowGroupInfo[] {
                new FlowGroupInfoWithCopies(infos[0], 0L, many), infos[1], infos[2]}))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("InvalidParameter.CcNum"));
        assertThat(jdbc.sql("select count(*) from flow where organization_id = ?").param(tenant.organizationId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aDynamicSignerCannotBeNamedWithACopiedPartysMobile() {
        Tenant tenant = tenants().create();
        String reader = Tenants.mobile();
        var dynamic = Requests.person("占位", "13800000000");
        dynamic.remove(List.of("ApproverName", "ApproverMobile"));
        dynamic.put("ApproverRoleName", "乙方");
        dynamic.putObject("ApproverOption").put("FillType", 1);
        var request = Requests.group(tenant, 2, List.of(dynamic));
        ((com.fasterxml.jackson.databind.node.ObjectNode) request.at("/FlowGroupInfos/0")).putArray("CcInfos").addObject()
                .put("Name", "王五").put("Mobile", reader);
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", request);
        String flowId = created.at("/FlowIds/0").asText();
        String recipientId = created.at("/Approvers/0/Approvers/0/RecipientId").asText();
        Map<String, Object> fill = Map.of("Operator", Map.of("UserId", tenant.operatorId()), "FlowId", flowId,
                "Approvers", List.of(Map.of("RecipientId", recipientId, "ApproverName", "王五", "ApproverMobile", reader)));

        assertThat(tenant.api().code("CreateFlowApprovers", fill)).isEqualTo("OperationDenied.CcUserRepeat");
        assertThat(jdbc.sql("select name from approver where recipient_id = ?").param(recipientId).query(String.class)
                .optional()).as("still to be named").isEmpty();
        // the other contract of the group copies nobody: the same person may sign it
        String other = created.at("/FlowIds/1").asText();
        String otherRecipient = created.at("/Approvers/1/Approvers/0/RecipientId").asText();
        tenant.api().ok("CreateFlowApprovers", Map.of("Operator", Map.of("UserId", tenant.operatorId()), "FlowId", other,
                "Approvers", List.of(Map.of("RecipientId", otherRecipient, "ApproverName", "王五", "ApproverMobile", reader))));
    }
}
