package io.signflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates isolated tenants through the admin API and UploadFiles, so tests never share state. */
public class Tenants {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final AdminClient admin;
    private final int port;

    public Tenants(AdminClient admin, int port) {
        this.admin = admin;
        this.port = port;
    }

    public Tenant create() {
        return create(null, 100, 3);
    }

    public Tenant create(String parentId, long quota, int files) {
        String name = uniqueName("测试企业");
        Map<String, Object> org = new java.util.HashMap<>(Map.of("name", name, "quota", quota));
        if (parentId != null) {
            org.put("parentOrganizationId", parentId);
        }
        String orgId = admin.post("/admin/organizations", org).get("organizationId").asText();
        String mobile = mobile();
        String operator = admin.post("/admin/organizations/" + orgId + "/employees",
                Map.of("name", "经办人", "mobile", mobile)).get("userId").asText();
        String seal = admin.post("/admin/organizations/" + orgId + "/seals", Map.of("name", "合同专用章"))
                .get("sealId").asText();
        JsonNode key = admin.post("/admin/organizations/" + orgId + "/api-keys", null);
        ApiClient api = new ApiClient(port, key.get("secretId").asText(), key.get("secretKey").asText());
        List<String> fileIds = new ArrayList<>();
        if (files > 0) {
            List<Map<String, String>> infos = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                infos.add(Map.of("FileBody", TestPdfs.base64(TestPdfs.a4(2)), "FileName", "contract-" + i + ".pdf"));
            }
            api.ok("UploadFiles", Map.of("BusinessType", "DOCUMENT", "Caller", Map.of("OperatorId", operator),
                    "FileInfos", infos)).get("FileIds").forEach(id -> fileIds.add(id.asText()));
        }
        return new Tenant(orgId, name, operator, "经办人", mobile, seal, api, fileIds);
    }

    /** A name no other test uses: organization names are unique. */
    public static String uniqueName(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + "号" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    /** A random valid mainland mobile number. */
    public static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
