package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.ess.v20201111.EssClient;
import com.tencentcloudapi.ess.v20201111.models.ApproverItem;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesResponse;
import com.tencentcloudapi.ess.v20201111.models.DescribeBillUsageRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowBriefsRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowInfoRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowInfoResponse;
import com.tencentcloudapi.ess.v20201111.models.FlowGroupApprovers;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed document's four CreateFlowGroupByFiles examples succeed verbatim against the demo data:
 * through the official Tencent Cloud SDK as an integrator would send them, and as raw bodies (with
 * "ApproverType": "1" as a string) over signed HTTP. What was created reads back the same.
 */
class SeedExamplesIT extends ApiTestBase {

    @ParameterizedTest(name = "seed example {0} through the SDK")
    @ValueSource(ints = {1, 2, 3, 4})
    void succeedsThroughTheOfficialSdk(int example) throws Exception {
        EssClient ess = sdk(demo());
        CreateFlowGroupByFilesRequest request = AbstractModel.fromJsonString(Requests.seedText(example),
                CreateFlowGroupByFilesRequest.class);

        CreateFlowGroupByFilesResponse response = ess.CreateFlowGroupByFiles(request);

        int flows = request.getFlowGroupInfos().length;
        assertThat(response.getFlowGroupId()).hasSize(32);
        assertThat(response.getFlowIds()).hasSize(flows).allSatisfy(id -> assertThat(id).hasSize(32));
        assertThat(response.getRequestId()).isNotBlank();
        FlowGroupApprovers[] approvers = response.getApprovers();
        assertThat(approvers).extracting(FlowGroupApprovers::getFlowId).containsExactly(response.getFlowIds());
        for (int i = 0; i < flows; i++) {
            ApproverItem[] items = approvers[i].getApprovers();
            assertThat(items).hasSize(request.getFlowGroupInfos()[i].getApprovers().length);
            assertThat(items).allSatisfy(item -> {
                assertThat(item.getRecipientId()).hasSize(32);
                assertThat(item.getSignId()).hasSize(32);
            });
            for (int j = 0; j < items.length; j++) {
                assertThat(items[j].getApproverRoleName())
                        .isEqualTo(request.getFlowGroupInfos()[i].getApprovers()[j].getApproverRoleName());
            }
        }

        DescribeFlowInfoRequest describe = new DescribeFlowInfoRequest();
        describe.setOperator(request.getOperator());
        describe.setAgent(request.getAgent());
        describe.setFlowGroupId(response.getFlowGroupId());
        DescribeFlowInfoResponse info = ess.DescribeFlowInfo(describe);
        assertThat(info.getFlowGroupId()).isEqualTo(response.getFlowGroupId());
        assertThat(info.getFlowGroupName()).isEqualTo(request.getFlowGroupName());
        assertThat(info.getFlowDetailInfos()).extracting(d -> d.getFlowId()).containsExactly(response.getFlowIds());
        assertThat(info.getFlowDetailInfos()[0].getFlowName()).isEqualTo(request.getFlowGroupInfos()[0].getFlowName());
    }

    @ParameterizedTest(name = "seed example {0} verbatim over HTTP")
    @ValueSource(ints = {1, 2, 3, 4})
    void succeedsVerbatimOverSignedHttp(int example) {
        String body = Requests.seedText(example);
        if (example != 3) {
            assertThat(body).contains("\"ApproverType\": \"1\"");
        }

        JsonNode response = demo().ok("CreateFlowGroupByFiles", body);

        int flows = Requests.parse(body).get("FlowGroupInfos").size();
        assertThat(response.get("FlowIds")).hasSize(flows);
        assertThat(response.get("Approvers")).hasSize(flows);
        assertThat(response.get("RequestId").asText()).startsWith("s");
    }

    @ParameterizedTest(name = "example {0}: auto-signers signed, others to sign, quota charged")
    @ValueSource(ints = {1, 4})
    void theCreatedContractsReadBackWithTheirStatusAndCharge(int example) throws Exception {
        EssClient ess = sdk(demo());
        CreateFlowGroupByFilesRequest request = AbstractModel.fromJsonString(Requests.seedText(example),
                CreateFlowGroupByFilesRequest.class);
        String charged = request.getAgent() != null ? request.getAgent().getProxyOrganizationId()
                : io.signflow.demo.DemoData.ENTERPRISE_ID;
        long before = available(charged);

        CreateFlowGroupByFilesResponse created = ess.CreateFlowGroupByFiles(request);

        DescribeFlowBriefsRequest briefs = new DescribeFlowBriefsRequest();
        briefs.setOperator(request.getOperator());
        briefs.setFlowIds(created.getFlowIds());
        var found = ess.DescribeFlowBriefs(briefs).getFlowBriefs();
        assertThat(found).hasSize(created.getFlowIds().length);
        // example 4's contracts wait for their dynamic signer (0); example 1's are to sign (1)
        long expected = example == 4 ? FlowStatus.AWAITING_FILL : FlowStatus.TO_SIGN;
        assertThat(found).allSatisfy(b -> assertThat(b.getFlowStatus()).isEqualTo(expected));
        assertThat(found).allSatisfy(b -> assertThat(b.getDeadline() - b.getCreatedOn()).isEqualTo(31_536_000L));

        DescribeFlowInfoRequest describe = new DescribeFlowInfoRequest();
        describe.setOperator(request.getOperator());
        describe.setFlowIds(new String[] {created.getFlowIds()[0]});
        var approvers = ess.DescribeFlowInfo(describe).getFlowDetailInfos()[0].getFlowApproverInfos();
        List<Long> statuses = Arrays.stream(approvers).map(a -> a.getApproveStatus()).toList();
        if (example == 1) {
            assertThat(approvers[0].getApproveType()).isEqualTo("ENTERPRISESERVER");
            assertThat(statuses).containsExactly((long) ApproveStatus.SIGNED, (long) ApproveStatus.TO_SIGN);
        } else {
            assertThat(statuses).containsExactly((long) ApproveStatus.NOT_STARTED, (long) ApproveStatus.NOT_REACHED);
        }
        assertThat(available(charged)).isEqualTo(before - created.getFlowIds().length);
    }

    @org.junit.jupiter.api.Test
    void describeBillUsageShowsTheCallersBalanceThatAddsUp() throws Exception {
        DescribeBillUsageRequest usage = new DescribeBillUsageRequest();
        usage.setStartTime("20260101");
        usage.setEndTime("20260301");
        usage.setDisplaySubEnterprise(true);

        var response = sdk(demo()).DescribeBillUsage(usage);

        var summary = response.getSummary()[0];
        assertThat(summary.getQuotaType()).isEqualTo("CloudEnterprise");
        assertThat(summary.getTotal()).isEqualTo(summary.getUsed() + summary.getAvailable());
        assertThat(summary.getAvailable()).isEqualTo(available(io.signflow.demo.DemoData.GROUP_ENTERPRISE_ID));
        assertThat(response.getSubOrgSummary()).extracting(s -> s.getOrganizationName())
                .contains(io.signflow.demo.DemoData.ENTERPRISE_NAME);
    }

    private long available(String organizationId) {
        return admin().get("/admin/organizations/" + organizationId + "/quota").get("available").asLong();
    }
}
