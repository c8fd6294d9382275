package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.ess.v20201111.EssClient;
import com.tencentcloudapi.ess.v20201111.models.ApproverItem;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesResponse;
import com.tencentcloudapi.ess.v20201111.models.Agent;
import com.tencentcloudapi.ess.v20201111.models.DescribeBillUsageDetailRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeBillUsageDetailResponse;
import com.tencentcloudapi.ess.v20201111.models.DescribeBillUsageRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeBillUsageResponse;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowBriefsRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowInfoRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowInfoResponse;
import com.tencentcloudapi.ess.v20201111.models.FlowGroupApprovers;
import com.tencentcloudapi.ess.v20201111.models.OrgBillSummary;
import io.signflow.demo.DemoData;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
        // the answer carries the group's outcome too, fields the SDK does not know and skips
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
                : DemoData.ENTERPRISE_ID;
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

    /** What DescribeBillUsage and DescribeBillUsageDetail show the demo key today. */
    private record Usage(OrgBillSummary group, long memberUsed, long memberDetails, List<String> memberFlows) {
    }

    private Usage usage(EssClient ess) throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        DescribeBillUsageRequest request = new DescribeBillUsageRequest();
        request.setStartTime(today);
        request.setEndTime(today);
        request.setDisplaySubEnterprise(true);
        DescribeBillUsageResponse bill = ess.DescribeBillUsage(request);
        long memberUsed = Arrays.stream(bill.getSubOrgSummary())
                .filter(s -> s.getOrganizationName().equals(DemoData.ENTERPRISE_NAME))
                .mapToLong(s -> s.getUsage()[0].getUsed()).sum();
        DescribeBillUsageDetailRequest detail = new DescribeBillUsageDetailRequest();
        detail.setStartTime(today);
        detail.setEndTime(today);
        Agent member = new Agent();
        member.setProxyOrganizationId(DemoData.ENTERPRISE_ID);
        detail.setAgent(member);
        DescribeBillUsageDetailResponse details = ess.DescribeBillUsageDetail(detail);
        return new Usage(bill.getSummary()[0], memberUsed, details.getTotal(),
                Arrays.stream(details.getDetails()).map(d -> d.getFlowId() + ":" + d.getCostType()).toList());
    }

    @org.junit.jupiter.api.Test
    void theBillOfTheOrganizationThatWasChargedMovesByItsSubContracts() throws Exception {
        EssClient ess = sdk(demo());
        Usage before = usage(ess);
        // the demo key is the group enterprise's: its Summary is the group's own balance
        JsonNode account = admin().get("/admin/organizations/" + DemoData.GROUP_ENTERPRISE_ID + "/quota");
        assertThat(before.group().getQuotaType()).isEqualTo("CloudEnterprise");
        assertThat(before.group().getTotal()).isEqualTo(account.get("total").asLong());
        assertThat(before.group().getUsed()).isEqualTo(account.get("used").asLong());
        assertThat(before.group().getAvailable()).isEqualTo(account.get("available").asLong());

        // example 3: the group enterprise's own operator, charged to the group
        String[] byGroup = ess.CreateFlowGroupByFiles(AbstractModel.fromJsonString(Requests.seedText(3),
                CreateFlowGroupByFilesRequest.class)).getFlowIds();
        Usage afterGroup = usage(ess);
        assertThat(afterGroup.group().getUsed()).isEqualTo(before.group().getUsed() + byGroup.length);
        assertThat(afterGroup.group().getAvailable()).isEqualTo(before.group().getAvailable() - byGroup.length);
        assertThat(afterGroup.group().getTotal()).isEqualTo(before.group().getTotal());
        assertThat(afterGroup.memberUsed()).isEqualTo(before.memberUsed());

        // example 1: the member's operator calling with the group's key, charged to the member
        long memberAvailable = available(DemoData.ENTERPRISE_ID);
        String[] byMember = ess.CreateFlowGroupByFiles(AbstractModel.fromJsonString(Requests.seedText(1),
                CreateFlowGroupByFilesRequest.class)).getFlowIds();
        Usage afterMember = usage(ess);
        assertThat(afterMember.group().getUsed()).isEqualTo(afterGroup.group().getUsed());
        assertThat(afterMember.group().getAvailable()).isEqualTo(afterGroup.group().getAvailable());
        assertThat(afterMember.memberUsed()).isEqualTo(afterGroup.memberUsed() + byMember.length);
        assertThat(afterMember.memberDetails()).isEqualTo(afterGroup.memberDetails() + byMember.length);
        assertThat(afterMember.memberFlows()).containsAll(Arrays.stream(byMember).map(id -> id + ":1").toList());
        assertThat(available(DemoData.ENTERPRISE_ID)).isEqualTo(memberAvailable - byMember.length);
    }

    private long available(String organizationId) {
        return admin().get("/admin/organizations/" + organizationId + "/quota").get("available").asLong();
    }
}
