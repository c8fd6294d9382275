package io.signflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Property-based fuzzing of every action: valid requests (the seed examples, and requests over a
 * tenant's real contracts) with one to three random mutations — other types, extreme numbers, huge
 * and hostile strings, missing, multiplied and undeclared fields. Every answer is the envelope with a
 * RequestId and an error code documented in docs/api.md, never an internal error; afterwards the
 * database holds exactly what the successful calls created.
 */
@JqwikSpringSupport
class ApiFuzzIT extends ApiTestBase {

    private static final Set<String> DOCUMENTED = documentedCodes();
    private static final Map<String, Fixture> FIXTURES = new ConcurrentHashMap<>();

    @Autowired
    JdbcClient jdbc;

    private final AtomicLong groupsCreated = new AtomicLong();
    private final AtomicLong flowsCreated = new AtomicLong();
    private long groupsBefore = -1;
    private long flowsBefore;

    /** A tenant with a group of two contracts (a person and a dynamic signer each) to aim at. */
    record Fixture(Tenant tenant, String groupId, List<String> flowIds, List<String> recipientIds) {

        /** The real ids in place of the placeholders the generated bodies carry. */
        String fill(String body) {
            String filled = body.replace("$OPERATOR", tenant.operatorId()).replace("$ORGANIZATION", tenant.name())
                    .replace("$SEAL", tenant.sealId()).replace("$GROUP", groupId);
            for (int i = 0; i < flowIds.size(); i++) {
                filled = filled.replace("$FILE" + i, tenant.fileIds().get(i)).replace("$FLOW" + i, flowIds.get(i));
            }
            for (int i = 0; i < recipientIds.size(); i++) {
                filled = filled.replace("$RECIPIENT" + i, recipientIds.get(i));
            }
            return filled;
        }
    }

    /** What the generators build bodies for: placeholders, since they run before Spring has set up the test. */
    private static final Tenant TEMPLATE = new Tenant("$ORG_ID", "$ORGANIZATION", "$OPERATOR", "经办人", "13800000000",
            "$SEAL", null, List.of("$FILE0", "$FILE1"));

    private Fixture fixture() {
        return FIXTURES.computeIfAbsent("fixture", key -> {
            Tenant tenant = tenants().create(null, 1_000_000, 2);
            var dynamic = Requests.person("占位", "13800000000");
            dynamic.remove(List.of("ApproverName", "ApproverMobile"));
            dynamic.put("ApproverRoleName", "甲方");
            dynamic.putObject("ApproverOption").put("FillType", 1);
            JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                    List.of(Requests.autoSigner(tenant), Requests.person("模糊", Tenants.mobile()), dynamic)));
            List<String> flows = new ArrayList<>();
            created.get("FlowIds").forEach(id -> flows.add(id.asText()));
            List<String> recipients = new ArrayList<>();
            created.at("/Approvers/0/Approvers").forEach(a -> recipients.add(a.get("RecipientId").asText()));
            return new Fixture(tenant, created.get("FlowGroupId").asText(), flows, recipients);
        });
    }

    /** Counted at the first try: Spring injects the test's fields only once the property runs. */
    private void countBefore() {
        if (groupsBefore < 0) {
            fixture();
            groupsBefore = count("select count(*) from flow_group");
            flowsBefore = count("select count(*) from flow");
        }
    }

    @AfterProperty
    void theDatabaseHoldsExactlyWhatSucceeded() {
        if (groupsBefore < 0) {
            return;
        }
        assertThat(count("select count(*) from flow_group") - groupsBefore).isEqualTo(groupsCreated.get());
        assertThat(count("select count(*) from flow") - flowsBefore).isEqualTo(flowsCreated.get());
        assertThat(admin().get("/admin/quota/ledger-check").get("mismatches")).isEmpty();
    }

    @Property(tries = 1500)
    void mutatedSeedExamples(@ForAll("seeds") String body) {
        answer(demo(), "CreateFlowGroupByFiles", body);
    }

    @Property(tries = 1000)
    void mutatedGroupsOfATenant(@ForAll("groups") String body) {
        answer(fixture().tenant().api(), "CreateFlowGroupByFiles", fixture().fill(body));
    }

    @Property(tries = 2500)
    void everyOtherAction(@ForAll("otherActions") String actionAndBody) {
        int split = actionAndBody.indexOf(' ');
        answer(fixture().tenant().api(), actionAndBody.substring(0, split), fixture().fill(actionAndBody.substring(split + 1)));
    }

    private void answer(ApiClient api, String action, String body) {
        countBefore();
        JsonNode response = api.call(action, body);
        assertThat(response.path("RequestId").asText()).as(body).isNotBlank();
        if (response.has("Error")) {
            String code = response.at("/Error/Code").asText();
            assertThat(code).as(action + " " + body).doesNotStartWith("InternalError").isIn(DOCUMENTED);
            assertThat(response.at("/Error/Message").asText()).isNotBlank();
        } else if (action.equals("CreateFlowGroupByFiles")) {
            groupsCreated.incrementAndGet();
            flowsCreated.addAndGet(response.get("FlowIds").size());
        }
    }

    @Provide
    Arbitrary<String> seeds() {
        return JsonMutations.of(List.of(Requests.seed(1), Requests.seed(2), Requests.seed(3), Requests.seed(4)));
    }

    @Provide
    Arbitrary<String> groups() {
        Tenant tenant = TEMPLATE;
        return JsonMutations.of(List.of(
                Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant), Requests.person("甲", "13800000011"))),
                Requests.group(tenant, 3, List.of(Requests.enterprise("对方企业", "乙", "13800000012")))));
    }

    @Provide
    Arbitrary<String> otherActions() {
        Fixture f = new Fixture(TEMPLATE, "$GROUP", List.of("$FLOW0", "$FLOW1"), List.of("$RECIPIENT0", "$RECIPIENT1",
                "$RECIPIENT2"));
        Map<String, Object> operator = Map.of("UserId", f.tenant().operatorId());
        Map<String, Object> bases = new java.util.LinkedHashMap<>();
        bases.put("DescribeFlowInfo", Map.of("Operator", operator, "FlowIds", f.flowIds()));
        bases.put("DescribeFlowBriefs", Map.of("Operator", operator, "FlowIds", f.flowIds()));
        bases.put("DescribeBillUsage", Map.of("StartTime", "20260101", "EndTime", "20260301", "DisplaySubEnterprise", true));
        bases.put("DescribeBillUsageDetail", Map.of("StartTime", "20261101", "EndTime", "20261130", "Offset", 0, "Limit", 10));
        bases.put("CreateFlowSignUrl", Map.of("Operator", operator, "FlowId", f.flowIds().get(0),
                "FlowApproverInfos", List.of(Map.of("RecipientId", f.recipientIds().get(1)))));
        bases.put("CreateSchemeUrl", Map.of("Operator", operator, "FlowGroupId", f.groupId(),
                "RecipientId", f.recipientIds().get(1), "EndPoint", "HTTP"));
        bases.put("CreateFlowReminds", Map.of("Operator", operator, "FlowIds", f.flowIds()));
        bases.put("CreateFlowApprovers", Map.of("Operator", operator, "FlowGroupId", f.groupId(), "FillApproverType", 1,
                "Approvers", List.of(Map.of("FlowId", f.flowIds().get(0), "RecipientId", f.recipientIds().get(2),
                        "ApproverName", "补充", "ApproverMobile", "13800000013"))));
        bases.put("CancelFlow", Map.of("Operator", operator, "FlowId", "yDnoflowUUckpk84praUyPWcjISDLsIV",
                "CancelMessage", "测试"));
        bases.put("DescribeFileUrls", Map.of("Operator", operator, "BusinessType", "FLOW", "BusinessIds", f.flowIds(),
                "UrlTtl", 60));
        bases.put("VerifyPdf", Map.of("Operator", operator, "FlowId", f.flowIds().get(0)));
        bases.put("UploadFiles", Map.of("BusinessType", "DOCUMENT", "Caller", Map.of("OperatorId", f.tenant().operatorId()),
                "FileInfos", List.of(Map.of("FileName", "a.pdf", "FileBody",
                        java.util.Base64.getEncoder().encodeToString(io.signflow.support.TestPdfs.a4(1))))));
        List<Arbitrary<? extends String>> perAction = bases.entrySet().stream()
                .<Arbitrary<? extends String>>map(e -> JsonMutations.of(List.of(ApiClient.JSON.valueToTree(e.getValue())))
                        .map(b -> e.getKey() + " " + b))
                .collect(Collectors.toList());
        return net.jqwik.api.Arbitraries.oneOf(perAction);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Every code docs/api.md names (in backticks), which is every code the API may answer with. */
    private static Set<String> documentedCodes() {
        try {
            Matcher m = Pattern.compile("`([A-Z][A-Za-z]+(\\.[A-Za-z]+)?)`").matcher(Files.readString(Path.of("docs/api.md")));
            Set<String> codes = new java.util.HashSet<>();
            while (m.find()) {
                codes.add(m.group(1));
            }
            return codes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
