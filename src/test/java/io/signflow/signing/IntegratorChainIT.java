package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.ess.v20201111.EssClient;
import com.tencentcloudapi.ess.v20201111.models.Caller;
import com.tencentcloudapi.ess.v20201111.models.CreateBatchQuickSignUrlRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowApproversRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesResponse;
import com.tencentcloudapi.ess.v20201111.models.CreateOrganizationBatchSignUrlRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFileUrlsRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowComponentsRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowInfoRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowInfoResponse;
import com.tencentcloudapi.ess.v20201111.models.FileUrl;
import com.tencentcloudapi.ess.v20201111.models.FillApproverInfo;
import com.tencentcloudapi.ess.v20201111.models.FilledComponent;
import com.tencentcloudapi.ess.v20201111.models.FlowCreateApprover;
import com.tencentcloudapi.ess.v20201111.models.RecipientComponentInfo;
import com.tencentcloudapi.ess.v20201111.models.UploadFile;
import com.tencentcloudapi.ess.v20201111.models.UploadFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.UserInfo;
import io.signflow.sealing.SignatureTools;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Browser;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import io.signflow.support.TestPdfs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The chain an integrator runs, every call through the official Java SDK: upload, create a group
 * with a signer named later, name them, hand each signer one link to the whole group, let both fill
 * in and sign on the signer page in a browser, read back what they filled, see the group complete
 * and fetch sealed PDFs whose signatures verify.
 */
class IntegratorChainIT extends ApiTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void uploadCreateFillLinkSignReadAndDownload() throws Exception {
        Tenant initiator = tenants().create();
        Tenant partner = tenants().create();
        EssClient ess = sdk(initiator.api());
        UserInfo operator = new UserInfo();
        operator.setUserId(initiator.operatorId());

        // UploadFiles: two contracts' PDFs
        UploadFilesRequest upload = new UploadFilesRequest();
        upload.setBusinessType("DOCUMENT");
        Caller caller = new Caller();
        caller.setOperatorId(initiator.operatorId());
        upload.setCaller(caller);
        upload.setFileInfos(new UploadFile[] {pdf("lease.pdf"), pdf("deposit.pdf")});
        String[] fileIds = ess.UploadFiles(upload).getFileIds();
        assertThat(fileIds).hasSize(2);

        // CreateFlowGroupByFiles: a person who fills in their address, and the partner's signer to be named later
        String personMobile = Tenants.mobile();
        ObjectNode person = Requests.person("顾客户", personMobile);
        person.putArray("Components").add(Requests.component("TEXT", 1, 60, 520).put("ComponentName", "联系地址")
                .put("ComponentRequired", true));
        ObjectNode later = Requests.enterprise(partner.name(), "占位", "13800000000");
        later.remove(List.of("ApproverName", "ApproverMobile"));
        later.put("ApproverRoleName", "乙方");
        later.putObject("ApproverOption").put("FillType", 1);
        later.putArray("Components").add(Requests.component("TEXT", 1, 60, 620).put("ComponentName", "乙方联系人")
                .put("ComponentRequired", true));
        Tenant withUploads = new Tenant(initiator.organizationId(), initiator.name(), initiator.operatorId(),
                initiator.operatorName(), initiator.operatorMobile(), initiator.sealId(), initiator.api(),
                List.of(fileIds));
        ObjectNode group = Requests.group(withUploads, 2, List.of(person, later));
        CreateFlowGroupByFilesResponse created = ess.CreateFlowGroupByFiles(CreateFlowGroupByFilesRequest.fromJsonString(
                group.toString(), CreateFlowGroupByFilesRequest.class));
        String groupId = created.getFlowGroupId();
        String[] flowIds = created.getFlowIds();
        assertThat(flowIds).hasSize(2);
        assertThat(flowStatuses(ess, operator, groupId)).containsOnly(FlowStatus.AWAITING_FILL);

        // CreateFlowApprovers: the partner's employee takes the open place in both contracts
        CreateFlowApproversRequest fill = new CreateFlowApproversRequest();
        fill.setOperator(operator);
        fill.setFlowGroupId(groupId);
        fill.setFillApproverType(1L);
        fill.setApprovers(Arrays.stream(created.getApprovers()).map(approvers -> {
            FillApproverInfo info = new FillApproverInfo();
            info.setFlowId(approvers.getFlowId());
            info.setRecipientId(Arrays.stream(approvers.getApprovers())
                    .filter(a -> "乙方".equals(a.getApproverRoleName())).findFirst().orElseThrow().getRecipientId());
            info.setApproverName(partner.operatorName());
            info.setApproverMobile(partner.operatorMobile());
            info.setOrganizationName(partner.name());
            return info;
        }).toArray(FillApproverInfo[]::new));
        assertThat(ess.CreateFlowApprovers(fill).getFillError()).isEmpty();
        assertThat(flowStatuses(ess, operator, groupId)).containsOnly(FlowStatus.TO_SIGN);

        // one link each to the whole group: the person's, and the partner employee's
        CreateBatchQuickSignUrlRequest quick = new CreateBatchQuickSignUrlRequest();
        quick.setOperator(operator);
        quick.setFlowGroupId(groupId);
        FlowCreateApprover personInfo = new FlowCreateApprover();
        personInfo.setApproverType(1L);
        personInfo.setApproverName("顾客户");
        personInfo.setApproverMobile(personMobile);
        quick.setFlowApproverInfo(personInfo);
        String personLink = ess.CreateBatchQuickSignUrl(quick).getFlowApproverUrlInfo().getSignUrl();
        CreateOrganizationBatchSignUrlRequest employee = new CreateOrganizationBatchSignUrlRequest();
        UserInfo partnerOperator = new UserInfo();
        partnerOperator.setUserId(partner.operatorId());
        employee.setOperator(partnerOperator);
        employee.setUserId(partner.operatorId());
        employee.setFlowGroupId(groupId);
        String employeeLink = sdk(partner.api()).CreateOrganizationBatchSignUrl(employee).getSignUrl();

        // both sign on the page, filling their fields
        signInBrowser(SignerClient.withLink(admin(), personMobile, personLink), "上海市浦东新区世纪大道 100 号", false);
        signInBrowser(SignerClient.withLink(admin(), partner.operatorMobile(), employeeLink), "钱经理", true);

        // DescribeFlowComponents: what each of them filled in
        for (String flowId : flowIds) {
            DescribeFlowComponentsRequest components = new DescribeFlowComponentsRequest();
            components.setOperator(operator);
            components.setFlowId(flowId);
            Map<String, String> filled = Arrays.stream(ess.DescribeFlowComponents(components).getRecipientComponentInfos())
                    .filter(r -> r.getComponents() != null)
                    .flatMap(r -> Arrays.stream(r.getComponents()))
                    .collect(Collectors.toMap(FilledComponent::getComponentName, FilledComponent::getComponentValue));
            assertThat(filled).containsEntry("联系地址", "上海市浦东新区世纪大道 100 号").containsEntry("乙方联系人", "钱经理");
            assertThat(Arrays.stream(ess.DescribeFlowComponents(components).getRecipientComponentInfos())
                    .filter(r -> r.getComponents() != null && r.getComponents().length > 0)
                    .map(RecipientComponentInfo::getRecipientFillStatus)).containsOnly("1");
        }

        // DescribeFlowInfo: the group as a whole has completed
        await().atMost(Duration.ofSeconds(60)).until(() -> flowStatuses(ess, operator, groupId),
                statuses -> statuses.stream().allMatch(s -> s == FlowStatus.ALL_SIGNED));
        JsonNode outcome = initiator.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId",
                initiator.operatorId()), "FlowGroupId", groupId));
        assertThat(outcome.get("FlowGroupStatus").asText()).isEqualTo("ALL");

        // DescribeFileUrls: the sealed PDFs, whose signatures pdfsig accepts
        DescribeFileUrlsRequest files = new DescribeFileUrlsRequest();
        files.setOperator(operator);
        files.setBusinessType("FLOW");
        files.setBusinessIds(flowIds);
        FileUrl[] urls = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ess.DescribeFileUrls(files).getFileUrls(), u -> u != null && u.length == 2);
        for (FileUrl url : urls) {
            byte[] sealed = HTTP.send(HttpRequest.newBuilder(URI.create(url.getUrl())).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(new String(sealed, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            if (SignatureTools.pdfsigInstalled()) {
                assertThat(SignatureTools.pdfsig(sealed, null)).contains("Signature is Valid");
            }
        }
    }

    private static UploadFile pdf(String name) {
        UploadFile file = new UploadFile();
        file.setFileName(name);
        file.setFileBody(TestPdfs.base64(TestPdfs.a4(1)));
        return file;
    }

    private static List<Integer> flowStatuses(EssClient ess, UserInfo operator, String groupId) throws Exception {
        DescribeFlowInfoRequest request = new DescribeFlowInfoRequest();
        request.setOperator(operator);
        request.setFlowGroupId(groupId);
        DescribeFlowInfoResponse response = ess.DescribeFlowInfo(request);
        return Arrays.stream(response.getFlowDetailInfos()).map(d -> d.getFlowStatus().intValue()).toList();
    }

    /** Opens the link on a phone, fills the one field, signs (with a drawn signature or the seal) and waits for DONE. */
    private void signInBrowser(SignerClient signer, String value, boolean seal) {
        try (Browser browser = Browser.phone()) {
            browser.driver().get("http://localhost:" + port + "/sign/" + signer.token());
            browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state",
                    "TO_SIGN"));
            List<WebElement> fields = browser.driver().findElements(By.cssSelector("#fills [data-field-id]"));
            assertThat(fields).hasSize(2); // one per contract of the group
            fields.forEach(f -> f.sendKeys(value));
            browser.requestCode();
            browser.driver().findElement(By.id("code")).sendKeys(signer.lastCode());
            if (!seal) {
                browser.drawSignature();
            }
            browser.driver().findElement(By.id("sign")).click();
            browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state",
                    "DONE"));
        }
    }
}
