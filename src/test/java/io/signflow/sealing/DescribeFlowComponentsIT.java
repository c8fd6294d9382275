package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.ess.v20201111.EssClient;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowComponentsRequest;
import com.tencentcloudapi.ess.v20201111.models.FilledComponent;
import com.tencentcloudapi.ess.v20201111.models.RecipientComponentInfo;
import com.tencentcloudapi.ess.v20201111.models.UserInfo;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DescribeFlowComponents through the official SDK: what the initiator filled at creation and what the
 * signer filled as they signed, per recipient and control, and the refusals of the reference.
 */
class DescribeFlowComponentsIT extends ApiTestBase {

    private static DescribeFlowComponentsRequest request(Tenant tenant, String flowId) {
        DescribeFlowComponentsRequest request = new DescribeFlowComponentsRequest();
        UserInfo operator = new UserInfo();
        operator.setUserId(tenant.operatorId());
        request.setOperator(operator);
        request.setFlowId(flowId);
        return request;
    }

    private static ObjectNode fill(String type, String name, double x, double y) {
        return Requests.component(type, 1, x, y).put("ComponentName", name);
    }

    private static String refusal(EssClient ess, DescribeFlowComponentsRequest request) {
        try {
            ess.DescribeFlowComponents(request);
            throw new AssertionError("DescribeFlowComponents was not refused");
        } catch (TencentCloudSDKException e) {
            return e.getErrorCode();
        }
    }

    @Test
    void theValuesFilledByTheInitiatorAndBySignersAreDescribedPerRecipient() throws Exception {
        Tenant tenant = tenants().create();
        String image = tenant.api().ok("UploadFiles", Map.of("BusinessType", "DOCUMENT",
                "Caller", Map.of("OperatorId", tenant.operatorId()),
                "FileInfos", List.of(Map.of("FileBody", SignerClient.signaturePng(), "FileName", "logo.png"))))
                .get("FileIds").get(0).asText();
        String mobile = Tenants.mobile();
        ObjectNode signer = Requests.person("李四", mobile);
        signer.putArray("Components").add(fill("TEXT", "地址", 50, 200).put("ComponentId", "address")
                .put("ComponentRequired", true)).add(fill("CHECK_BOX", "同意", 50, 300));
        ObjectNode group = Requests.group(tenant, 2, List.of(signer));
        for (JsonNode info : group.get("FlowGroupInfos")) {
            ((ObjectNode) info).putArray("Components").add(fill("TEXT", "编号", 300, 200).put("ComponentValue", "NO-1"))
                    .add(fill("FILL_IMAGE", "标志", 300, 300).put("ComponentValue", image));
        }
        EssClient ess = sdk(tenant.api());
        String flowId = ess.CreateFlowGroupByFiles(AbstractModel.fromJsonString(group.toString(),
                CreateFlowGroupByFilesRequest.class)).getFlowIds()[0];

        RecipientComponentInfo[] before = ess.DescribeFlowComponents(request(tenant, flowId)).getRecipientComponentInfos();

        assertThat(before).hasSize(2);
        RecipientComponentInfo initiator = before[0];
        assertThat(initiator.getIsPromoter()).isTrue();
        assertThat(initiator.getRecipientFillStatus()).isEqualTo("1");
        assertThat(initiator.getComponents()).extracting(FilledComponent::getComponentName, FilledComponent::getComponentValue,
                FilledComponent::getComponentFillStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple("编号", "NO-1", "1"), org.assertj.core.groups.Tuple.tuple("标志", image, "1"));
        assertThat(initiator.getComponents()[0].getImageUrl()).isNull();
        HttpResponse<byte[]> picture = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(initiator.getComponents()[1].getImageUrl())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/png");
        HttpResponse<byte[]> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(initiator.getComponents()[1].getImageUrl().replace("signature=", "signature=0"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(forged.statusCode()).isEqualTo(403);
        RecipientComponentInfo unfilled = before[1];
        assertThat(unfilled.getIsPromoter()).isFalse();
        assertThat(unfilled.getRecipientFillStatus()).isEqualTo("0");
        assertThat(unfilled.getComponents()).extracting(FilledComponent::getComponentFillStatus).containsOnly("0");

        SignerClient li = SignerClient.invited(admin(), mobile);
        Map<String, String> fills = new HashMap<>();
        for (JsonNode contract : li.view().body().get("contracts")) {
            for (JsonNode field : contract.get("fields")) {
                switch (field.get("type").asText()) {
                    case "TEXT" -> fills.put(field.get("id").asText(), "上海市徐汇区");
                    case "CHECK_BOX" -> fills.put(field.get("id").asText(), "true");
                    default -> { }
                }
            }
        }
        assertThat(li.sign(Map.of("code", li.code(), "signatureImage", "data:image/png;base64,"
                + SignerClient.signaturePng(), "fills", fills)).status()).isEqualTo(200);

        RecipientComponentInfo filled = ess.DescribeFlowComponents(request(tenant, flowId)).getRecipientComponentInfos()[1];
        assertThat(filled.getRecipientFillStatus()).isEqualTo("1");
        assertThat(filled.getComponents()).extracting(FilledComponent::getComponentId, FilledComponent::getComponentName,
                FilledComponent::getComponentValue, FilledComponent::getComponentFillStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple("address", "地址", "上海市徐汇区", "1"),
                org.assertj.core.groups.Tuple.tuple(null, "同意", "true", "1"));
        assertThat(filled.getComponents()).extracting(FilledComponent::getComponentRecipientId)
                .containsOnly(filled.getRecipientId());
        JsonNode raw = tenant.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowIds", List.of(flowId)));
        assertThat(raw.at("/FlowDetailInfos/0/FlowApproverInfos/0/RecipientId").asText())
                .isEqualTo(filled.getRecipientId());
    }

    @Test
    void aMissingUnknownOrStrangersContractIsRefused() throws Exception {
        Tenant tenant = tenants().create();
        Tenant stranger = tenants().create();
        String flowId = stranger.api().ok("CreateFlowGroupByFiles", Requests.group(stranger, 2,
                List.of(Requests.person("李四", Tenants.mobile())))).get("FlowIds").get(0).asText();
        EssClient ess = sdk(tenant.api());

        assertThat(refusal(ess, request(tenant, null))).isEqualTo("MissingParameter");
        assertThat(refusal(ess, request(tenant, "yDnoflowUUckps3me1aUuRbyBJvD8CI"))).isEqualTo("ResourceNotFound.Flow");
        assertThat(refusal(ess, request(tenant, flowId))).isEqualTo("ResourceNotFound.Flow");
        assertThat(sdk(stranger.api()).DescribeFlowComponents(request(stranger, flowId)).getRecipientComponentInfos())
                .hasSize(1);
    }
}
