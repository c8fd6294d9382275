package io.signflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Request bodies for tests: the seed's examples verbatim, and small valid groups for a tenant. */
public final class Requests {

    private Requests() {
    }

    /** Seed example n (1-4) exactly as the API document gives it. */
    public static String seedText(int n) {
        try (InputStream in = Requests.class.getResourceAsStream("/seed/ex" + n + ".json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode seed(int n) {
        return (ObjectNode) parse(seedText(n));
    }

    public static JsonNode parse(String json) {
        try {
            return ApiClient.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A group of {@code flows} sub-contracts, each signed by the tenant automatically (ApproverType 3)
     * and then by the given approvers.
     */
    public static ObjectNode group(Tenant tenant, int flows, List<ObjectNode> approvers) {
        ObjectNode request = ApiClient.JSON.createObjectNode();
        request.putObject("Operator").put("UserId", tenant.operatorId());
        request.put("FlowGroupName", "测试合同组");
        ArrayNode infos = request.putArray("FlowGroupInfos");
        for (int i = 0; i < flows; i++) {
            ObjectNode info = infos.addObject();
            info.put("FlowName", "测试合同" + (i + 1));
            info.putArray("FileIds").add(tenant.fileIds().get(i % tenant.fileIds().size()));
            info.put("Unordered", true);
            ArrayNode list = info.putArray("Approvers");
            approvers.forEach(a -> list.add(a.deepCopy()));
        }
        return request;
    }

    public static ObjectNode autoSigner(Tenant tenant) {
        ObjectNode approver = ApiClient.JSON.createObjectNode();
        approver.put("ApproverType", 3);
        approver.put("OrganizationName", tenant.name());
        approver.putArray("SignComponents").add(component("SIGN_SEAL", 1, 50, 50).put("ComponentValue", tenant.sealId()));
        return approver;
    }

    public static ObjectNode person(String name, String mobile) {
        ObjectNode approver = ApiClient.JSON.createObjectNode();
        approver.put("ApproverType", 1);
        approver.put("ApproverName", name);
        approver.put("ApproverMobile", mobile);
        approver.putArray("SignComponents").add(component("SIGN_SIGNATURE", 1, 300, 600));
        return approver;
    }

    public static ObjectNode enterprise(String organization, String name, String mobile) {
        ObjectNode approver = ApiClient.JSON.createObjectNode();
        approver.put("ApproverType", 0);
        approver.put("OrganizationName", organization);
        approver.put("ApproverName", name);
        approver.put("ApproverMobile", mobile);
        approver.putArray("SignComponents").add(component("SIGN_SEAL", 1, 300, 400));
        return approver;
    }

    public static ObjectNode component(String type, int page, double x, double y) {
        ObjectNode component = ApiClient.JSON.createObjectNode();
        component.put("ComponentType", type);
        component.put("FileIndex", 0);
        component.put("ComponentPage", page);
        component.put("ComponentPosX", x);
        component.put("ComponentPosY", y);
        component.put("ComponentWidth", 100);
        component.put("ComponentHeight", 60);
        return component;
    }
}
