package io.signflow.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Provisioning through the admin API, and who may use whose things: an operator acts with their own
 * organization's key (or their group enterprise's), a group enterprise may use its members' files,
 * a member may not use its group's or a sibling's, and a stranger's ids look like nothing at all.
 */
class TenancyIT extends ApiTestBase {

    @Autowired
    IdentityService identity;

    @Test
    void theAdminApiNeedsTheAdminLogin() {
        AdminClient admin = admin();
        assertThat(admin.send("POST", "/admin/organizations", Map.of("name", "匿名企业"), false).status()).isEqualTo(401);
        assertThat(admin.send("GET", "/admin/notifications?mobile=13800000000", null, false).status()).isEqualTo(401);
        assertThat(admin.send("GET", "/engine-rest/process-definition", null, false).status()).isEqualTo(401);
        assertThat(admin.send("GET", "/engine-rest/process-definition", null, true).status()).isEqualTo(200);
        assertThat(admin.send("GET", "/actuator/health", null, false).body().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void aCamundaUserWhoIsNotTheAdminGetsNoAdminApiAndSeesNoProcesses() throws Exception {
        if (identity.createUserQuery().userId("clerk").count() == 0) {
            User clerk = identity.newUser("clerk");
            clerk.setPassword("clerk-password");
            identity.saveUser(clerk);
        }
        assertThat(asClerk("/admin/notifications?mobile=13800000000").statusCode()).isEqualTo(401);
        HttpResponse<String> definitions = asClerk("/engine-rest/process-definition");
        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(definitions.body()).isEqualTo("[]");
        assertThat(asClerk("/engine-rest/incident").body()).isEqualTo("[]");
        assertThat(asClerk("/actuator/prometheus").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> asClerk(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-password".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void provisioningRefusesWhatWouldBeInconsistent() {
        AdminClient admin = admin();
        String name = io.signflow.support.Tenants.uniqueName("重复企业");
        assertThat(admin.send("POST", "/admin/organizations", Map.of("name", name), true).status()).isEqualTo(201);
        assertThat(admin.send("POST", "/admin/organizations", Map.of("name", name), true).status()).isEqualTo(409);
        assertThat(admin.send("POST", "/admin/organizations", Map.of("name", ""), true).status()).isEqualTo(400);
        assertThat(admin.send("POST", "/admin/organizations", Map.of("name", "<b>x</b>"), true).status()).isEqualTo(400);
        assertThat(admin.send("POST", "/admin/organizations", Map.of("name", "孤儿企业" + System.nanoTime(),
                "parentOrganizationId", "nothere"), true).status()).isEqualTo(404);
        Tenant parent = tenants().create(null, 1, 0);
        Tenant child = tenants().create(parent.organizationId(), 1, 0);
        assertThat(admin.send("POST", "/admin/organizations", Map.of("name", "孙企业" + System.nanoTime(),
                "parentOrganizationId", child.organizationId()), true).status()).isEqualTo(400);
        assertThat(admin.send("POST", "/admin/organizations/" + parent.organizationId() + "/employees",
                Map.of("name", "张三", "mobile", "123"), true).status()).isEqualTo(400);
        assertThat(admin.send("POST", "/admin/organizations/" + parent.organizationId() + "/quota",
                Map.of("add", -5), true).status()).isEqualTo(400);
        var balance = admin.post("/admin/organizations/" + parent.organizationId() + "/quota", Map.of("add", 7));
        assertThat(balance.get("total").asLong()).isEqualTo(8);
        assertThat(balance.get("available").asLong()).isEqualTo(8);
    }

    @Test
    void anApiKeyIsShownOnceAndWorksForItsOrganizationOnly() {
        Tenant a = tenants().create(null, 10, 1);
        Tenant b = tenants().create(null, 10, 1);
        // b's operator with a's key: not an employee of a
        var request = Requests.group(a, 2, List.of(Requests.autoSigner(a)));
        request.putObject("Operator").put("UserId", b.operatorId());
        assertThat(a.api().code("CreateFlowGroupByFiles", request)).isEqualTo("ResourceNotFound.User");
        assertThat(b.api().code("CreateFlowGroupByFiles", request)).isEqualTo("ResourceNotFound.Resource");
    }

    @Test
    void aGroupEnterpriseActsForItsMembersAndUsesTheirFiles() {
        Tenant group = tenants().create(null, 10, 1);
        Tenant member = tenants().create(group.organizationId(), 10, 2);

        // the group's operator, for the member, with the member's files and seal
        var proxied = Requests.group(member, 2, List.of(Requests.autoSigner(member)));
        proxied.putObject("Operator").put("UserId", group.operatorId());
        proxied.putObject("Agent").put("ProxyOrganizationId", member.organizationId());
        assertThat(group.api().code("CreateFlowGroupByFiles", proxied)).isEqualTo("OK");
        assertThat(admin().get("/admin/organizations/" + member.organizationId() + "/quota").get("used").asLong())
                .isEqualTo(2);

        // the group on its own behalf may start contracts from its member's files
        var own = Requests.group(member, 2, List.of(Requests.autoSigner(group)));
        own.putObject("Operator").put("UserId", group.operatorId());
        assertThat(group.api().code("CreateFlowGroupByFiles", own)).isEqualTo("OK");

        // the member's employee may use the group's key for the member's own contracts
        var viaGroupKey = Requests.group(member, 2, List.of(Requests.autoSigner(member)));
        assertThat(group.api().code("CreateFlowGroupByFiles", viaGroupKey)).isEqualTo("OK");

        // but not the group's files, and the member's key serves no group employee
        var groupFile = Requests.group(group, 2, List.of(Requests.autoSigner(member)));
        groupFile.putObject("Operator").put("UserId", member.operatorId());
        assertThat(member.api().code("CreateFlowGroupByFiles", groupFile)).isEqualTo("OperationDenied.NoPermissionUseResource");
        assertThat(member.api().code("CreateFlowGroupByFiles", proxied)).isEqualTo("ResourceNotFound.User");
    }

    @Test
    void contractsAreVisibleToTheirInitiatorAndItsGroupEnterpriseOnly() {
        Tenant group = tenants().create(null, 10, 1);
        Tenant member = tenants().create(group.organizationId(), 10, 1);
        Tenant stranger = tenants().create(null, 10, 1);
        String groupId = member.api().ok("CreateFlowGroupByFiles",
                Requests.group(member, 2, List.of(Requests.autoSigner(member)))).get("FlowGroupId").asText();
        String flowId = member.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", member.operatorId()),
                "FlowGroupId", groupId)).at("/FlowDetailInfos/0/FlowId").asText();

        var byGroupEnterprise = Map.of("Operator", Map.of("UserId", group.operatorId()), "FlowIds", List.of(flowId));
        assertThat(group.api().ok("DescribeFlowInfo", byGroupEnterprise).get("FlowDetailInfos")).hasSize(1);
        var byStranger = Map.of("Operator", Map.of("UserId", stranger.operatorId()), "FlowIds", List.of(flowId));
        assertThat(stranger.api().code("DescribeFlowInfo", byStranger)).isEqualTo("FailedOperation");
        assertThat(stranger.api().code("DescribeFlowInfo", Map.of("Operator", Map.of("UserId", stranger.operatorId()),
                "FlowGroupId", groupId))).isEqualTo("FailedOperation");
        assertThat(stranger.api().ok("DescribeFlowBriefs", byStranger).get("FlowBriefs")).isEmpty();
    }
}
