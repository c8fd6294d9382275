package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import io.signflow.support.TestPdfs;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every free-text field an API request stores, at its limit and one past it: the longest value is
 * stored (on H2 and PostgreSQL alike, so the limit fits the column), and one character more gets the
 * field's documented code, never a database error. Rare Han characters (outside the Basic
 * Multilingual Plane) count twice, as they do in an H2 column.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldLimitsIT extends ApiTestBase {

    /** A rare Han character, two UTF-16 units. */
    private static final String RARE_HAN = "\uD840\uDC00";

    /** Sends a request with the value in the field under test; answers the error code or OK. */
    interface Call {
        String send(FieldLimitsIT test, String value);
    }

    record Limit(String field, String longest, String tooLong, String code, Call call) {
        @Override
        public String toString() {
            return field + " (" + longest.length() + " fits, " + tooLong.length() + " is " + code + ")";
        }
    }

    private Tenant tenant;

    @BeforeAll
    void createTenant() {
        tenant = tenants().create(null, 10_000, 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void theLongestValueIsStoredAndOneMoreIsRefusedWithItsCode(Limit limit) {
        assertThat(limit.call().send(this, limit.longest())).as("the longest %s", limit.field()).isEqualTo("OK");
        assertThat(limit.call().send(this, limit.tooLong())).as("one past the limit").isEqualTo(limit.code());
    }

    @Test
    void theAdminApiRefusesASealTypeOutsideTheListInsteadOfFailingToStoreIt() {
        String path = "/admin/organizations/" + tenant.organizationId() + "/seals";
        assertThat(admin().send("POST", path, Map.of("sealType", "FINANCE"), true).status()).isEqualTo(201);
        assertThat(admin().send("POST", path, Map.of("sealType", "CONTRACT_SEAL_OF_THE_HEAD_OFFICE"), true).status())
                .isEqualTo(400);
    }

    static Stream<Limit> limits() {
        return Stream.of(
                new Limit("FlowGroupName", "合".repeat(200), "合".repeat(201), "InvalidParameter.ParamError",
                        group((r, v) -> r.put("FlowGroupName", v))),
                new Limit("FlowGroupName in rare characters", RARE_HAN.repeat(100), RARE_HAN.repeat(100) + "合",
                        "InvalidParameter.ParamError", group((r, v) -> r.put("FlowGroupName", v))),
                new Limit("FlowName", "合".repeat(200), "合".repeat(201), "InvalidParameter.FlowName",
                        group((r, v) -> flow(r).put("FlowName", v))),
                new Limit("FlowName in rare characters", RARE_HAN.repeat(100), RARE_HAN.repeat(101),
                        "InvalidParameter.FlowName", group((r, v) -> flow(r).put("FlowName", v))),
                new Limit("FlowType", "型".repeat(200), "型".repeat(201), "InvalidParameter.FlowType",
                        group((r, v) -> flow(r).put("FlowType", v))),
                new Limit("FlowDescription", "述".repeat(1000), "述".repeat(1001), "InvalidParameter.FlowDescription",
                        group((r, v) -> flow(r).put("FlowDescription", v))),
                new Limit("UserData", "QUJD".repeat(5120), "QUJD".repeat(5121), "InvalidParameter.FlowUserData",
                        group((r, v) -> flow(r).put("UserData", v))),
                new Limit("CallbackUrl", url(1000), url(1001), "InvalidParameter.FlowCallbackUrl",
                        group((r, v) -> flow(r).put("CallbackUrl", v))),
                new Limit("OrganizationName", "企".repeat(200), "企".repeat(201), "InvalidParameter.OrganizationName",
                        group((r, v) -> enterprise(r).put("OrganizationName", v))),
                new Limit("OrganizationName in rare characters", RARE_HAN.repeat(100), RARE_HAN.repeat(100) + "企",
                        "InvalidParameter.OrganizationName", group((r, v) -> enterprise(r).put("OrganizationName", v))),
                new Limit("ApproverName", "张".repeat(50), "张".repeat(51), "InvalidParameter.Name",
                        group((r, v) -> enterprise(r).put("ApproverName", v))),
                new Limit("ApproverName in rare characters", RARE_HAN.repeat(25), RARE_HAN.repeat(25) + "张",
                        "InvalidParameter.Name", group((r, v) -> enterprise(r).put("ApproverName", v))),
                new Limit("ApproverRoleName", "甲".repeat(20), "甲".repeat(21), "InvalidParameter.ParamError",
                        group((r, v) -> enterprise(r).put("ApproverRoleName", v))),
                new Limit("ApproverRoleName in rare characters", RARE_HAN.repeat(10), RARE_HAN.repeat(10) + "甲",
                        "InvalidParameter.ParamError", group((r, v) -> enterprise(r).put("ApproverRoleName", v))),
                new Limit("CustomApproverTag", "t".repeat(64), "t".repeat(65), "InvalidParameter.ParamError",
                        group((r, v) -> enterprise(r).put("CustomApproverTag", v))),
                new Limit("SignComponents.ComponentId", "c".repeat(30), "c".repeat(31), "InvalidParameter.SignComponents",
                        group((r, v) -> signControl(r).put("ComponentId", v))),
                new Limit("SignComponents.ComponentId in rare characters", RARE_HAN.repeat(15), RARE_HAN.repeat(15) + "c",
                        "InvalidParameter.SignComponents", group((r, v) -> signControl(r).put("ComponentId", v))),
                new Limit("SignComponents.ComponentName", "n".repeat(20), "n".repeat(21), "InvalidParameter.SignComponents",
                        group((r, v) -> signControl(r).put("ComponentName", v))),
                new Limit("SignComponents.ComponentExtra", extra(2000), extra(2001), "InvalidParameter.SignComponents",
                        group((r, v) -> signControl(r).put("ComponentExtra", v))),
                new Limit("Components.ComponentExtra", extra(2000), extra(2001), "InvalidParameter.ComponentValue",
                        group((r, v) -> fillControl(r).put("ComponentExtra", v))),
                new Limit("Components.ComponentValue", "文".repeat(1000), "文".repeat(1001), "InvalidParameter.ComponentValue",
                        group((r, v) -> fillControl(r).put("ComponentValue", v))),
                new Limit("CreateFlowApprovers ApproverName", "王".repeat(50), "王".repeat(51), "InvalidParameter.Name",
                        (t, v) -> t.fill("企".repeat(200), v)),
                new Limit("CreateFlowApprovers OrganizationName", "企".repeat(200), "企".repeat(201),
                        "InvalidParameter.OrganizationName", (t, v) -> t.fill(v, "王五")),
                new Limit("CancelFlow CancelMessage", "撤".repeat(200), "撤".repeat(201), "InvalidParameter",
                        FieldLimitsIT::cancel),
                new Limit("UploadFiles FileName", "f".repeat(196) + ".pdf", "f".repeat(197) + ".pdf",
                        "InvalidParameterValue", FieldLimitsIT::upload));
    }

    private interface Edit {
        void apply(ObjectNode request, String value);
    }

    /** CreateFlowGroupByFiles with an auto-signer and an enterprise signer, the value put in by {@code edit}. */
    private static Call group(Edit edit) {
        return (test, value) -> {
            ObjectNode request = Requests.group(test.tenant, 2, List.of(Requests.autoSigner(test.tenant),
                    Requests.enterprise("对方示例企业", "张三", "13800000001")));
            edit.apply(request, value);
            return test.tenant.api().code("CreateFlowGroupByFiles", request);
        };
    }

    private static ObjectNode flow(ObjectNode request) {
        return (ObjectNode) request.at("/FlowGroupInfos/0");
    }

    private static ObjectNode enterprise(ObjectNode request) {
        return (ObjectNode) request.at("/FlowGroupInfos/0/Approvers/1");
    }

    private static ObjectNode signControl(ObjectNode request) {
        return (ObjectNode) request.at("/FlowGroupInfos/0/Approvers/1/SignComponents/0");
    }

    private static ObjectNode fillControl(ObjectNode request) {
        ObjectNode control = Requests.component("MULTI_LINE_TEXT", 1, 300, 300);
        flow(request).putArray("Components").add(control);
        return control;
    }

    private static String url(int length) {
        String base = "https://example.com/";
        return base + "a".repeat(length - base.length());
    }

    /** A JSON object of exactly {@code length} characters. */
    private static String extra(int length) {
        String open = "{\"Pad\":\"";
        return open + "x".repeat(length - open.length() - 2) + "\"}";
    }

    /** Names the dynamic enterprise signer of a new contract. */
    private String fill(String organization, String name) {
        ObjectNode dynamic = Requests.enterprise("待定", "待定", "13800000001");
        dynamic.remove(List.of("OrganizationName", "ApproverName", "ApproverMobile"));
        dynamic.put("ApproverRoleName", "乙方");
        dynamic.putObject("ApproverOption").put("FillType", 1);
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2, List.of(dynamic)));
        return tenant.api().code("CreateFlowApprovers", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowId", created.at("/FlowIds/0").asText(), "FillApproverType", 1, "Approvers", List.of(Map.of(
                        "RecipientId", created.at("/Approvers/0/Approvers/0/RecipientId").asText(),
                        "OrganizationName", organization, "ApproverName", name, "ApproverMobile", "13800000002"))));
    }

    private static String cancel(FieldLimitsIT test, String message) {
        Tenant tenant = test.tenant;
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("李四", "13800000002"))));
        return tenant.api().code("CancelFlow", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowId", created.at("/FlowIds/0").asText(), "CancelMessage", message));
    }

    private static String upload(FieldLimitsIT test, String fileName) {
        return test.tenant.api().code("UploadFiles", Map.of("BusinessType", "DOCUMENT",
                "Caller", Map.of("OperatorId", test.tenant.operatorId()),
                "FileInfos", List.of(Map.of("FileName", fileName, "FileBody", TestPdfs.base64(TestPdfs.a4(1))))));
    }
}
