package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import io.signflow.support.TestPdfs;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every validation rule of CreateFlowGroupByFiles once, through the HTTP API: a valid request with
 * one thing wrong gets that rule's documented code, a message, a RequestId — and writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreateFlowGroupValidationIT extends ApiTestBase {

    /** The tenants the cases need: one to call as, a stranger, and a group enterprise with two members. */
    record Fixture(Tenant caller, Tenant stranger, Tenant groupEnterprise, Tenant member, Tenant sibling,
                   String unverifiedOperator, String apiDisabledOperator, String manualSeal, String expiredFile) {
    }

    record Case(String name, String code, BiConsumer<ObjectNode, Fixture> breakIt, boolean asMember) {
        @Override
        public String toString() {
            return name + " -> " + code;
        }
    }

    private Fixture fixture;

    @BeforeAll
    void createTenants() {
        Tenants tenants = tenants();
        Tenant caller = tenants.create(null, 1000, 3);
        Tenant groupEnterprise = tenants.create(null, 1000, 1);
        Tenant member = tenants.create(groupEnterprise.organizationId(), 1000, 2);
        Tenant sibling = tenants.create(groupEnterprise.organizationId(), 1000, 1);
        String unverified = admin().post("/admin/organizations/" + caller.organizationId() + "/employees",
                Map.of("name", "未认证", "mobile", Tenants.mobile(), "verified", false)).get("userId").asText();
        String apiDisabled = admin().post("/admin/organizations/" + caller.organizationId() + "/employees",
                Map.of("name", "无权限", "mobile", Tenants.mobile(), "apiEnabled", false)).get("userId").asText();
        String manualSeal = admin().post("/admin/organizations/" + caller.organizationId() + "/seals",
                Map.of("name", "财务专用章", "autoSign", false)).get("sealId").asText();
        // an upload whose hour to start contracts has passed
        String expiredFile = caller.api().ok("UploadFiles", Map.of("BusinessType", "DOCUMENT",
                "Caller", Map.of("OperatorId", caller.operatorId()), "FileInfos", List.of(Map.of("FileName", "old.pdf",
                        "FileBody", TestPdfs.base64(TestPdfs.a4(2)))))).at("/FileIds/0").asText();
        jdbc.sql("update file_resource set expires_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), expiredFile).update();
        fixture = new Fixture(caller, tenants.create(), groupEnterprise, member, sibling, unverified, apiDisabled,
                manualSeal, expiredFile);
    }

    /** The signers' numbers, used by no other test: any message to them comes from this class. */
    private static final String ENTERPRISE_MOBILE = Tenants.mobile();
    private static final String PERSON_MOBILE = Tenants.mobile();

    private static ObjectNode valid(Tenant tenant) {
        return Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant),
                Requests.enterprise("对方示例企业", "张三", ENTERPRISE_MOBILE), Requests.person("李四", PERSON_MOBILE)));
    }

    @Test
    void theBaseRequestIsValidAndLeavesTheFootprintTheRefusalsMustNot() {
        Footprint before = footprint(fixture.caller());

        assertThat(fixture.caller().api().code("CreateFlowGroupByFiles", valid(fixture.caller()))).isEqualTo("OK");

        Footprint after = footprint(fixture.caller());
        assertThat(after.groups()).isEqualTo(before.groups() + 1);
        assertThat(after.flows()).isEqualTo(before.flows() + 2);
        assertThat(after.approvers()).isEqualTo(before.approvers() + 6);
        assertThat(after.components()).isEqualTo(before.components() + 6);
        assertThat(after.ledgerEntries()).isEqualTo(before.ledgerEntries() + 2);
        assertThat(after.quotaUsed()).isEqualTo(before.quotaUsed() + 2);
        assertThat(after.processInstances()).isEqualTo(before.processInstances() + 3);
        assertThat(after.messages()).isEqualTo(before.messages() + 2);
    }

    @Test
    void anOrganizationNotActivatedCreatesNothing() {
        Tenant inactive = tenants().create(null, 10, 2);
        jdbc.sql("update organization set activated = false where id = ?").param(inactive.organizationId()).update();
        Footprint before = footprint(inactive);

        assertThat(inactive.api().code("CreateFlowGroupByFiles", valid(inactive)))
                .isEqualTo("OperationDenied.OrganizationNotActivated");
        assertThat(footprint(inactive)).isEqualTo(before);
    }

    @Test
    void actingForASubOrganizationNotActivatedCreatesNothing() {
        Tenant member = tenants().create(fixture.groupEnterprise().organizationId(), 10, 2);
        jdbc.sql("update organization set activated = false where id = ?").param(member.organizationId()).update();
        ObjectNode request = valid(member);
        request.putObject("Operator").put("UserId", fixture.groupEnterprise().operatorId());
        request.putObject("Agent").put("ProxyOrganizationId", member.organizationId());
        Footprint before = footprint(member);

        assertThat(fixture.groupEnterprise().api().code("CreateFlowGroupByFiles", request))
                .isEqualTo("OperationDenied.OrganizationNotActivated");
        assertThat(footprint(member)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleHasItsCode(Case rule) {
        Tenant tenant = rule.asMember() ? fixture.member() : fixture.caller();
        ObjectNode request = valid(tenant);
        rule.breakIt().accept(request, fixture);
        ApiClient api = rule.asMember() ? fixture.groupEnterprise().api() : tenant.api();
        Footprint before = footprint(tenant);

        JsonNode response = api.call("CreateFlowGroupByFiles", request);

        assertThat(response.path("Error").path("Code").asText()).as(response.toString()).isEqualTo(rule.code());
        assertThat(response.path("Error").path("Message").asText()).isNotBlank();
        assertThat(response.path("RequestId").asText()).isNotBlank();
        assertThat(footprint(tenant)).isEqualTo(before);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService history;

    /**
     * What a creation writes: groups, contracts, signers and controls (anyone's: nothing else in this
     * class creates any), the quota charged and its ledger, the processes started, and the messages
     * to the request's signers or the caller's callback address.
     */
    record Footprint(long groups, long flows, long approvers, long components, long ledgerEntries, long quotaUsed,
                     long processInstances, long messages) {
    }

    private Footprint footprint(Tenant tenant) {
        return new Footprint(count("select count(*) from flow_group"), count("select count(*) from flow"),
                count("select count(*) from approver"), count("select count(*) from component"),
                count("select count(*) from quota_ledger"),
                admin().get("/admin/organizations/" + tenant.organizationId() + "/quota").get("used").asLong(),
                history.createHistoricProcessInstanceQuery().processDefinitionKeyIn("flow-group", "sign-flow").count(),
                jdbc.sql("select count(*) from outbox_message where recipient in (?, ?) or organization_id = ?")
                        .params(ENTERPRISE_MOBILE, PERSON_MOBILE, tenant.organizationId()).query(Long.class).single());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    static ObjectNode flow(ObjectNode request, int i) {
        return (ObjectNode) request.get("FlowGroupInfos").get(i);
    }

    static ObjectNode approver(ObjectNode request, int i) {
        return (ObjectNode) flow(request, 0).get("Approvers").get(i);
    }

    static ObjectNode signComponent(ObjectNode request, int approver) {
        return (ObjectNode) approver(request, approver).get("SignComponents").get(0);
    }

    private static Case rule(String name, String code, BiConsumer<ObjectNode, Fixture> breakIt) {
        return new Case(name, code, breakIt, false);
    }

    private static final int AUTO = 0;
    private static final int ENTERPRISE = 1;
    private static final int PERSON = 2;

    static Stream<Case> cases() {
        return Stream.of(
                // request shape
                rule("FlowGroupName absent", "MissingParameter", (r, f) -> r.remove("FlowGroupName")),
                rule("ApproverType absent", "MissingParameter", (r, f) -> approver(r, PERSON).remove("ApproverType")),
                rule("ComponentPosX absent", "MissingParameter", (r, f) -> signComponent(r, PERSON).remove("ComponentPosX")),
                rule("undeclared field", "UnknownParameter", (r, f) -> approver(r, PERSON).put("Colour", "red")),
                rule("ApproverType not a number", "InvalidParameter", (r, f) -> approver(r, PERSON).put("ApproverType", "one")),
                rule("ComponentPage a fraction", "InvalidParameter", (r, f) -> signComponent(r, PERSON).put("ComponentPage", 1.5)),
                rule("FlowGroupInfos not an array", "InvalidParameter", (r, f) -> r.put("FlowGroupInfos", "x")),
                rule("FlowName a number", "InvalidParameter", (r, f) -> flow(r, 0).put("FlowName", 123)),
                rule("ApproverMobile a number", "InvalidParameter", (r, f) -> approver(r, PERSON).put("ApproverMobile", 13800000002L)),
                rule("Unordered a number", "InvalidParameter", (r, f) -> flow(r, 0).put("Unordered", 1)),
                // group
                rule("one sub-contract", "InvalidParameter.ParamError", (r, f) -> ((ArrayNode) r.get("FlowGroupInfos")).remove(1)),
                rule("51 sub-contracts", "InvalidParameter.ParamError", (r, f) -> {
                    ArrayNode infos = (ArrayNode) r.get("FlowGroupInfos");
                    while (infos.size() < 51) {
                        infos.add(infos.get(0).deepCopy());
                    }
                }),
                rule("FlowGroupName with markup", "InvalidParameter.ParamError", (r, f) -> r.put("FlowGroupName", "<script>x</script>")),
                rule("FlowGroupName of 201 characters", "InvalidParameter.ParamError", (r, f) -> r.put("FlowGroupName", "合".repeat(201))),
                rule("ApproverVerifyType unknown", "InvalidParameter.ParamError",
                        (r, f) -> r.putObject("FlowGroupOptions").put("ApproverVerifyType", "FaceOnly")),
                rule("OtherApproverNotifyType unknown", "InvalidParameter.NotifyType",
                        (r, f) -> r.putObject("FlowGroupOptions").put("OtherApproverNotifyType", "pigeon")),
                rule("a copied party twice", "OperationDenied.CcUserRepeat", (r, f) -> {
                    ArrayNode copied = flow(r, 0).putArray("CcInfos");
                    copied.addObject().put("Name", "抄送人").put("Mobile", "13800000009");
                    copied.addObject().put("Name", "另一人").put("Mobile", "13800000009");
                }),
                rule("51 copied parties", "InvalidParameter.CcNum", (r, f) -> {
                    ArrayNode copied = flow(r, 0).putArray("CcInfos");
                    for (int i = 0; i < 51; i++) {
                        copied.addObject().put("Name", "抄送人").put("Mobile", String.format("139%08d", i));
                    }
                }),
                rule("copied party's mobile", "InvalidParameter.Mobile",
                        (r, f) -> flow(r, 0).putArray("CcInfos").addObject().put("Name", "抄送人").put("Mobile", "1380000")),
                // operator and agent
                rule("unknown operator", "ResourceNotFound.User", (r, f) -> r.putObject("Operator").put("UserId", "yDnobodyUUckps3me1aUuRbyBJvD8CI")),
                rule("another organization's operator", "ResourceNotFound.User",
                        (r, f) -> r.putObject("Operator").put("UserId", f.stranger().operatorId())),
                rule("unverified operator", "ResourceNotFound.VerifyUser",
                        (r, f) -> r.putObject("Operator").put("UserId", f.unverifiedOperator())),
                rule("operator without API permission", "UnauthorizedOperation",
                        (r, f) -> r.putObject("Operator").put("UserId", f.apiDisabledOperator())),
                rule("unknown proxy organization", "ResourceNotFound.Organization",
                        (r, f) -> r.putObject("Agent").put("ProxyOrganizationId", "yDnoorgUUgygj6qnwfUuO4zjEwc193c2")),
                rule("a stranger as proxy organization", "ResourceNotFound.Organization",
                        (r, f) -> r.putObject("Agent").put("ProxyOrganizationId", f.stranger().organizationId())),
                new Case("a sibling as proxy organization", "OperationDenied.SubOrgNotJoin", (r, f) -> {
                    r.putObject("Operator").put("UserId", f.member().operatorId());
                    r.putObject("Agent").put("ProxyOrganizationId", f.sibling().organizationId());
                }, true),
                new Case("a member acting for its group enterprise", "OperationDenied.BranchSendFlowToParentNotAllow", (r, f) -> {
                    r.putObject("Operator").put("UserId", f.member().operatorId());
                    r.putObject("Agent").put("ProxyOrganizationId", f.groupEnterprise().organizationId());
                }, true),
                // sub-contract
                rule("FlowName with markup", "InvalidParameter.FlowName", (r, f) -> flow(r, 1).put("FlowName", "a<b>")),
                rule("FlowType of 201 characters", "InvalidParameter.FlowType", (r, f) -> flow(r, 0).put("FlowType", "x".repeat(201))),
                rule("FlowDescription of 1001 characters", "InvalidParameter.FlowDescription",
                        (r, f) -> flow(r, 0).put("FlowDescription", "x".repeat(1001))),
                rule("Deadline in the past", "InvalidParameter.FlowDeadLine",
                        (r, f) -> flow(r, 0).put("Deadline", System.currentTimeMillis() / 1000 - 60)),
                rule("Deadline in milliseconds", "InvalidParameter.FlowDeadLine",
                        (r, f) -> flow(r, 0).put("Deadline", System.currentTimeMillis() + 86_400_000L)),
                rule("Deadline the largest long", "InvalidParameter.FlowDeadLine",
                        (r, f) -> flow(r, 0).put("Deadline", Long.MAX_VALUE)),
                rule("Deadline the smallest long", "InvalidParameter.FlowDeadLine",
                        (r, f) -> flow(r, 0).put("Deadline", Long.MIN_VALUE)),
                rule("UserData not base64", "InvalidParameter.FlowUserData", (r, f) -> flow(r, 0).put("UserData", "not base64!")),
                rule("CallbackUrl not http", "InvalidParameter.FlowCallbackUrl", (r, f) -> flow(r, 0).put("CallbackUrl", "ftp://example.com/cb")),
                rule("no FileIds", "MissingParameter.ResourceId", (r, f) -> flow(r, 0).putArray("FileIds")),
                rule("two FileIds", "OperationDenied.ManyResourceId",
                        (r, f) -> ((ArrayNode) flow(r, 0).get("FileIds")).add(f.caller().fileIds().get(1))),
                rule("unknown FileId", "ResourceNotFound.Resource",
                        (r, f) -> flow(r, 0).putArray("FileIds").add("yDnofileckp1tbkbgUukJIiCyj7014en")),
                rule("an expired FileId", "ResourceNotFound.Resource",
                        (r, f) -> flow(r, 1).putArray("FileIds").add(f.expiredFile())),
                rule("a TemplateId", "InvalidParameter.ParamError",
                        (r, f) -> flow(r, 0).put("TemplateId", "yDtemplateUUckp1tbkbgUukJIiCyj70")),
                rule("a stranger's FileId", "ResourceNotFound.Resource",
                        (r, f) -> flow(r, 0).putArray("FileIds").add(f.stranger().fileId())),
                new Case("a sibling's FileId", "OperationDenied.NoPermissionUseResource",
                        (r, f) -> flow(r, 0).putArray("FileIds").add(f.sibling().fileId()), true),
                rule("no Approvers", "MissingParameter.FlowApprover", (r, f) -> flow(r, 0).putArray("Approvers")),
                // approvers
                rule("ApproverType 5", "InvalidParameter.ApproverType", (r, f) -> approver(r, PERSON).put("ApproverType", 5)),
                rule("auto-signer as dynamic signer", "InvalidParameter.ApproverType",
                        (r, f) -> approver(r, AUTO).putObject("ApproverOption").put("FillType", 1)),
                rule("person without name", "MissingParameter.ApproverName", (r, f) -> approver(r, PERSON).remove("ApproverName")),
                rule("name with digits", "InvalidParameter.Name", (r, f) -> approver(r, PERSON).put("ApproverName", "李四4")),
                rule("person without mobile", "MissingParameter.ApproverMobile", (r, f) -> approver(r, PERSON).remove("ApproverMobile")),
                rule("mobile of 5 digits", "InvalidParameter.Mobile", (r, f) -> approver(r, PERSON).put("ApproverMobile", "12345")),
                rule("enterprise without organization", "MissingParameter.ApproverOrganizationInfo",
                        (r, f) -> approver(r, ENTERPRISE).remove("OrganizationName")),
                rule("organization name with markup", "InvalidParameter.OrganizationName",
                        (r, f) -> approver(r, ENTERPRISE).put("OrganizationName", "<b>公司</b>")),
                rule("person with organization", "OperationDenied.ErrNoSupportIndividualHasOrganizationName",
                        (r, f) -> approver(r, PERSON).put("OrganizationName", "某公司")),
                rule("unknown id card type", "InvalidParameter.CardType", (r, f) -> approver(r, PERSON)
                        .put("ApproverIdCardType", "PASSPORT").put("ApproverIdCardNumber", "E12345678")),
                rule("id card with a wrong check digit", "InvalidParameter.CardNumber", (r, f) -> approver(r, PERSON)
                        .put("ApproverIdCardType", "ID_CARD").put("ApproverIdCardNumber", "110101199003070000")),
                rule("unknown NotifyType", "InvalidParameter.NotifyType", (r, f) -> approver(r, PERSON).put("NotifyType", "pigeon")),
                rule("PreReadTime 2", "InvalidParameter.PreReadTime", (r, f) -> approver(r, PERSON).put("PreReadTime", 2)),
                rule("the same person twice", "OperationDenied.ApproverRepeat",
                        (r, f) -> ((ArrayNode) flow(r, 0).get("Approvers")).add(approver(r, PERSON).deepCopy())),
                rule("dynamic signer without role name", "MissingParameter.ApproverRole", (r, f) -> {
                    ObjectNode dynamic = approver(r, ENTERPRISE);
                    dynamic.remove(List.of("ApproverName", "ApproverMobile", "OrganizationName"));
                    dynamic.putObject("ApproverOption").put("FillType", 1);
                }),
                rule("person auto-sign without scene", "InvalidParameter.PersonAutoSignTag", (r, f) -> approver(r, PERSON).put("ApproverType", 7)),
                rule("person auto-sign", "OperationDenied.WhiteListForbid", (r, f) -> {
                    approver(r, PERSON).put("ApproverType", 7);
                    flow(r, 0).put("AutoSignScene", "E_PRESCRIPTION_AUTO_SIGN");
                }),
                // components
                rule("no sign controls", "MissingParameter.ApproverSignComponent", (r, f) -> approver(r, PERSON).putArray("SignComponents")),
                rule("fill control among sign controls", "InvalidParameter.SignComponents",
                        (r, f) -> signComponent(r, PERSON).put("ComponentType", "TEXT")),
                rule("unknown control type", "OperationDenied.NoSupportComponentType",
                        (r, f) -> signComponent(r, PERSON).put("ComponentType", "SIGN_HOLOGRAM")),
                rule("person with a seal control", "OperationDenied.NoSupportComponentType",
                        (r, f) -> signComponent(r, PERSON).put("ComponentType", "SIGN_SEAL")),
                rule("FileIndex 1", "InvalidParameter.ComponentFileIndex", (r, f) -> signComponent(r, PERSON).put("FileIndex", 1)),
                rule("page 3 of 2", "InvalidParameter.ComponentPage", (r, f) -> signComponent(r, PERSON).put("ComponentPage", 3)),
                rule("page 0", "InvalidParameter.ComponentPage", (r, f) -> signComponent(r, PERSON).put("ComponentPage", 0)),
                rule("width 0", "InvalidParameter.ComponentPosition", (r, f) -> signComponent(r, PERSON).put("ComponentWidth", 0)),
                rule("box off the page", "InvalidParameter.ComponentPosition", (r, f) -> signComponent(r, PERSON).put("ComponentPosX", 590)),
                rule("initiator's check box with a word", "InvalidParameter.ComponentTypeNoMatchValue", (r, f) -> flow(r, 0)
                        .putArray("Components").add(Requests.component("CHECK_BOX", 1, 300, 300).put("ComponentValue", "maybe"))),
                rule("fill control with broken ComponentExtra", "InvalidParameter.ComponentValue", (r, f) -> flow(r, 0)
                        .putArray("Components").add(Requests.component("TEXT", 1, 300, 300).put("ComponentExtra", "{oops"))),
                rule("required initiator field without value", "InvalidParameter.MissingRequiredComponentValue", (r, f) -> flow(r, 0)
                        .putArray("Components").add(Requests.component("TEXT", 1, 300, 300).put("ComponentRequired", true))),
                // auto-sign
                rule("auto-signer without seal id", "MissingParameter.ServerSignSealId",
                        (r, f) -> signComponent(r, AUTO).remove("ComponentValue")),
                rule("auto-signer with unknown seal", "InvalidParameter.SealId",
                        (r, f) -> signComponent(r, AUTO).put("ComponentValue", "yDnosealQDN7EkUuO4zjEBpGXvHEACSA")),
                rule("auto-signer with a stranger's seal", "InvalidParameter.SealId",
                        (r, f) -> signComponent(r, AUTO).put("ComponentValue", f.stranger().sealId())),
                rule("auto-signer with a seal not allowed for auto-sign", "OperationDenied.NoPermissionUseServerSignSeal",
                        (r, f) -> signComponent(r, AUTO).put("ComponentValue", f.manualSeal())),
                rule("auto-sign for another organization", "OperationDenied.NoOpenServerSign",
                        (r, f) -> approver(r, AUTO).put("OrganizationName", "对方示例企业")),
                rule("auto-signer with a handwritten signature", "OperationDenied.ServerSignNoSupportSignature",
                        (r, f) -> ((ArrayNode) approver(r, AUTO).get("SignComponents"))
                                .add(Requests.component("SIGN_SIGNATURE", 1, 300, 100))),
                rule("auto-signer with fill controls", "OperationDenied.ServerSignNoAllowComponent",
                        (r, f) -> approver(r, AUTO).putArray("Components").add(Requests.component("TEXT", 1, 300, 100))),
                rule("enterprise seal restricted to another organization's seal", "InvalidParameter.SealId",
                        (r, f) -> signComponent(r, ENTERPRISE).put("ComponentValue", f.caller().sealId())),
                rule("dynamic signer restricted to a stranger's seal", "InvalidParameter.SealId",
                        (r, f) -> dynamicWithSeal(r, f.stranger().sealId())));
    }

    /** The enterprise signer made dynamic, its seal control restricted to {@code sealId}. */
    static void dynamicWithSeal(ObjectNode request, String sealId) {
        ObjectNode dynamic = approver(request, ENTERPRISE);
        dynamic.remove(List.of("ApproverName", "ApproverMobile", "OrganizationName"));
        dynamic.put("ApproverRoleName", "乙方");
        dynamic.putObject("ApproverOption").put("FillType", 1);
        signComponent(request, ENTERPRISE).put("ComponentValue", sealId);
    }

    @Test
    void aDynamicSignersSealRestrictionTellsAStrangersSealFromNoSealByNothing() {
        String unknown = "yDnosealQDN7EkUuO4zjEBpGXvHEACSA";
        ObjectNode own = valid(fixture.caller());
        dynamicWithSeal(own, fixture.caller().sealId());
        assertThat(fixture.caller().api().code("CreateFlowGroupByFiles", own)).isEqualTo("OK");
        ObjectNode groupSeal = valid(fixture.member());
        dynamicWithSeal(groupSeal, fixture.sibling().sealId());
        assertThat(fixture.groupEnterprise().api().code("CreateFlowGroupByFiles", groupSeal)).isEqualTo("OK");

        ObjectNode strangers = valid(fixture.caller());
        dynamicWithSeal(strangers, fixture.stranger().sealId());
        ObjectNode nobodys = valid(fixture.caller());
        dynamicWithSeal(nobodys, unknown);
        JsonNode stranger = fixture.caller().api().call("CreateFlowGroupByFiles", strangers).get("Error");
        JsonNode none = fixture.caller().api().call("CreateFlowGroupByFiles", nobodys).get("Error");

        assertThat(stranger.get("Code").asText()).isEqualTo("InvalidParameter.SealId");
        assertThat(stranger.get("Code")).isEqualTo(none.get("Code"));
        assertThat(stranger.get("Message").asText().replace(fixture.stranger().sealId(), "<id>"))
                .isEqualTo(none.get("Message").asText().replace(unknown, "<id>"));
    }
}
