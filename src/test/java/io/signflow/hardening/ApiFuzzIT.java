package io.signflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.api.ErrorCodes;
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
import org.camunda.bpm.engine.ManagementService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Property-based fuzzing of every action: valid requests (the seed examples, and requests over a
 * tenant's real contracts) with one to three random mutations — other types, extreme numbers, huge
 * and hostile strings, missing, multiplied and undeclared fields. Every answer is the envelope with a
 * RequestId and an error code listed in docs/api.md's refusal tables, never an internal error. A
 * refused call leaves no row behind (checked call by call); afterwards the database holds exactly
 * what the successful calls created — groups, contracts, approvers, controls, files, messages and
 * audit entries — and the quota used moved by exactly their contracts less the refunded cancellations.
 */
@JqwikSpringSupport
class ApiFuzzIT extends ApiTestBase {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiFuzzIT.class);

    private static final Set<String> DOCUMENTED = documentedCodes();
    private static final Map<String, Fixture> FIXTURES = new ConcurrentHashMap<>();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManagementService management;

    /** What the successful calls created, and the counts before the first call. */
    private final Set<String> createdGroups = ConcurrentHashMap.newKeySet();
    /** Groups made to be cancelled contract by contract: also created, and also aimed at. */
    private final Set<String> cancellableGroups = ConcurrentHashMap.newKeySet();
    private final AtomicLong filesCreated = new AtomicLong();
    private final AtomicLong refundedCancels = new AtomicLong();
    private final Map<String, AtomicLong> succeeded = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> tried = new ConcurrentHashMap<>();
    private final Map<String, Long> fixtureRowsAdded = new ConcurrentHashMap<>();
    private final java.util.Deque<String> cancellable = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private Map<String, Long> before;
    private long quotaUsedBefore;

    /** Tables a request may write to, counted in the checks. */
    private static final List<String> TABLES = List.of("flow_group", "flow", "approver", "component", "file_resource",
            "outbox_message", "audit_event");
    /** Tables only a creating request writes to, so that nothing in the background changes them. */
    private static final List<String> CREATION_TABLES = List.of("flow_group", "flow", "approver", "component");
    /** Tables whose rows name their group, which the other actions write to. */
    private static final List<String> GROUP_TABLES = List.of("outbox_message", "audit_event");

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
    /** Stands for a contract that has not been cancelled yet, so that CancelFlow can succeed. */
    private static final String CANCELLABLE = "$CANCELLABLE";
    /** Stands for a group of two open contracts, made for the call, so that CancelFlowGroup can succeed. */
    private static final String OPEN_GROUP = "$OPEN_GROUP";
    /** The actions that create contracts, checked by what they created rather than by the groups aimed at. */
    private static final Set<String> CREATING = Set.of("CreateFlowGroupByFiles", "CreateFlowByFiles");

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
        if (before == null) {
            fixture();
            quiet();
            before = counts();
            quotaUsedBefore = count("select coalesce(sum(used), 0) from quota_account");
        }
    }

    @AfterProperty
    void theDatabaseHoldsExactlyWhatSucceeded() {
        if (before == null) {
            return;
        }
        quiet();
        Map<String, Long> after = counts();
        Set<String> groups = new java.util.HashSet<>(createdGroups);
        groups.addAll(cancellableGroups);
        Map<String, Long> created = rowsOf(groups);
        for (String table : TABLES) {
            long expected = created.getOrDefault(table, 0L) + fixtureRowsAdded.getOrDefault(table, 0L)
                    + (table.equals("file_resource") ? filesCreated.get() : 0);
            assertThat(after.get(table) - before.get(table)).as("rows added to " + table).isEqualTo(expected);
        }
        long flows = created.getOrDefault("flow", 0L);
        assertThat(count("select coalesce(sum(used), 0) from quota_account") - quotaUsedBefore)
                .as("quota used: one unit per contract created, less the cancellations refunded")
                .isEqualTo(flows - refundedCancels.get());
        assertThat(count("select count(*) from quota_ledger where entry_type = 'DEDUCT' and flow_id in "
                + "(select id from flow where group_id in (select id from flow_group where organization_id = ?))",
                fixture().tenant().organizationId()))
                .isEqualTo(count("select count(*) from flow where organization_id = ?", fixture().tenant().organizationId()));
        assertThat(admin().get("/admin/quota/ledger-check").get("mismatches")).isEmpty();
        log.info("calls per action {}, of which succeeded {}; rows added {}", tried, succeeded, created);
        if (tried.containsKey("CancelFlow")) {
            assertThat(succeeded).as("CancelFlow's success path is fuzzed too").containsKey("CancelFlow");
        }
    }

    @Property(tries = 1500)
    void mutatedSeedExamples(@ForAll("seeds") String body) {
        answer(demo(), "CreateFlowGroupByFiles", body);
    }

    @Property(tries = 1000)
    void mutatedGroupsOfATenant(@ForAll("groups") String body) {
        answer(fixture().tenant().api(), "CreateFlowGroupByFiles", fixture().fill(body));
    }

    // about 160 calls per action, as many as when there were 16 actions: fewer left CancelFlow's success path untried
    @Property(tries = 4000)
    void everyOtherAction(@ForAll("otherActions") String actionAndBody) {
        int split = actionAndBody.indexOf(' ');
        answer(fixture().tenant().api(), actionAndBody.substring(0, split), fixture().fill(actionAndBody.substring(split + 1)));
    }

    private void answer(ApiClient api, String action, String body) {
        countBefore();
        boolean creates = CREATING.contains(action);
        if (body.contains(CANCELLABLE)) {
            body = body.replace(CANCELLABLE, nextCancellable());
        }
        if (body.contains(OPEN_GROUP)) {
            body = body.replace(OPEN_GROUP, openGroup());
        }
        Map<String, Long> rowsBefore = creates ? counts(CREATION_TABLES) : aimedAtRows();
        long filesBefore = count("select count(*) from file_resource");
        JsonNode response = api.call(action, body);
        tried.computeIfAbsent(action, a -> new AtomicLong()).incrementAndGet();
        Map<String, Long> rowsAfter = creates ? counts(CREATION_TABLES) : aimedAtRows();
        long filesAdded = count("select count(*) from file_resource") - filesBefore;
        assertThat(response.path("RequestId").asText()).as(body).isNotBlank();
        if (response.has("Error")) {
            String code = response.at("/Error/Code").asText();
            assertThat(code).as(action + " " + body).doesNotStartWith("InternalError").isIn(DOCUMENTED);
            assertThat(response.at("/Error/Message").asText()).isNotBlank();
            assertThat(rowsAfter).as("a refused " + action + " leaves nothing behind: " + body).isEqualTo(rowsBefore);
            assertThat(filesAdded).as("a refused " + action + " stores no file").isZero();
            return;
        }
        succeeded.computeIfAbsent(action, a -> new AtomicLong()).incrementAndGet();
        if (creates && response.hasNonNull("PreviewUrl")) {
            assertThat(rowsAfter).as("a preview creates nothing").isEqualTo(rowsBefore);
        } else if (creates) {
            // a single contract has a group row of its own
            createdGroups.add(response.has("FlowGroupId") ? response.get("FlowGroupId").asText()
                    : jdbc.sql("select group_id from flow where id = ?").param(response.get("FlowId").asText())
                            .query(String.class).single());
            assertThat(rowsAfter.get("flow_group") - rowsBefore.get("flow_group")).isEqualTo(1);
            assertThat(rowsAfter.get("flow") - rowsBefore.get("flow"))
                    .isEqualTo(response.has("FlowIds") ? response.get("FlowIds").size() : 1);
            assertThat(rowsAfter.get("approver") - rowsBefore.get("approver")).as("an approver per one asked for")
                    .isEqualTo(approversAskedFor(body));
        } else {
            // what it wrote to the fixture's group; the cancellable groups' rows are counted with them
            rowsAfter.forEach((key, rows) -> {
                if (key.startsWith(fixture().groupId() + " ")) {
                    fixtureRowsAdded.merge(key.substring(key.indexOf(' ') + 1), rows - rowsBefore.getOrDefault(key, 0L),
                            Long::sum);
                }
            });
            if (action.equals("CancelFlow")) {
                // nobody had signed the cancelled contract
                refundedCancels.incrementAndGet();
            }
            if (action.equals("CancelFlowGroup")) {
                refundedCancels.addAndGet(2);
            }
        }
        filesCreated.addAndGet(action.equals("UploadFiles") ? response.get("FileIds").size() : 0);
        assertThat(filesAdded).isEqualTo(action.equals("UploadFiles") ? response.get("FileIds").size() : 0);
    }

    private static int approversAskedFor(String body) {
        JsonNode request = Requests.parse(body);
        if (!request.has("FlowGroupInfos")) {
            return request.get("Approvers").size();
        }
        int approvers = 0;
        for (JsonNode flow : request.get("FlowGroupInfos")) {
            approvers += flow.get("Approvers").size();
        }
        return approvers;
    }

    /**
     * A contract of this tenant nobody has signed or cancelled; groups of 50 of them are made as they
     * run out, and count as created by successful calls.
     */
    private String nextCancellable() {
        String flowId = cancellable.poll();
        if (flowId != null) {
            return flowId;
        }
        Tenant tenant = fixture().tenant();
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles",
                Requests.group(tenant, 50, List.of(Requests.person("待取消", Tenants.mobile()))));
        cancellableGroups.add(created.get("FlowGroupId").asText());
        created.get("FlowIds").forEach(id -> cancellable.add(id.asText()));
        return cancellable.poll();
    }

    /** A new group of two contracts nobody has signed, counted as created by a successful call. */
    private String openGroup() {
        Tenant tenant = fixture().tenant();
        String groupId = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("待取消", Tenants.mobile())))).get("FlowGroupId").asText();
        cancellableGroups.add(groupId);
        return groupId;
    }

    /**
     * Rows of the tables the other actions write to, per group they aim at (the fixture's and the
     * cancellable ones), keyed "group table".
     */
    private Map<String, Long> aimedAtRows() {
        Set<String> aimedAt = new java.util.HashSet<>(cancellableGroups);
        aimedAt.add(fixture().groupId());
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String table : GROUP_TABLES) {
            jdbc.sql("select group_id, count(*) from " + table + " where group_id in (:groups) group by group_id")
                    .param("groups", aimedAt).query((rs, n) -> Map.entry(rs.getString(1) + " " + table, rs.getLong(2)))
                    .list().forEach(e -> rows.put(e.getKey(), e.getValue()));
        }
        return rows;
    }

    /** Rows of the counted tables that belong to these groups (cancellations of them included). */
    private Map<String, Long> rowsOf(Set<String> groups) {
        Map<String, Long> rows = new java.util.HashMap<>();
        perGroup("select id, 1 from flow_group", groups, rows, "flow_group");
        perGroup("select group_id, count(*) from flow group by group_id", groups, rows, "flow");
        perGroup("select f.group_id, count(*) from approver a join flow f on f.id = a.flow_id group by f.group_id",
                groups, rows, "approver");
        perGroup("select f.group_id, count(*) from component c join flow f on f.id = c.flow_id group by f.group_id",
                groups, rows, "component");
        for (String table : GROUP_TABLES) {
            perGroup("select group_id, count(*) from " + table + " group by group_id", groups, rows, table);
        }
        return rows;
    }

    private void perGroup(String sql, Set<String> groups, Map<String, Long> rows, String table) {
        long sum = jdbc.sql(sql).query((rs, n) -> groups.contains(rs.getString(1)) ? rs.getLong(2) : 0L).list()
                .stream().mapToLong(Long::longValue).sum();
        rows.put(table, sum);
    }

    private Map<String, Long> counts() {
        return counts(TABLES);
    }

    private Map<String, Long> counts(List<String> tables) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        tables.forEach(table -> counts.put(table, count("select count(*) from " + table)));
        return counts;
    }

    /** Waits until no job is due (the sealing of auto-signed groups writes audit entries after the answer). */
    private void quiet() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                .until(() -> management.createJobQuery().executable().count() == 0);
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
        bases.put("CancelFlow", Map.of("Operator", operator, "FlowId", CANCELLABLE, "CancelMessage", "测试"));
        bases.put("DescribeFileUrls", Map.of("Operator", operator, "BusinessType", "FLOW", "BusinessIds", f.flowIds(),
                "UrlTtl", 60));
        bases.put("VerifyPdf", Map.of("Operator", operator, "FlowId", f.flowIds().get(0)));
        bases.put("CreateFlowByFiles", Map.of("Operator", operator, "FlowName", "单份合同", "FileIds",
                List.of("$FILE0"), "Approvers", List.of(Requests.person("甲", "13800000011"))));
        bases.put("DescribeFlowComponents", Map.of("Operator", operator, "FlowId", f.flowIds().get(0)));
        bases.put("CreateBatchQuickSignUrl", Map.of("Operator", operator, "FlowGroupId", f.groupId(),
                "FlowApproverInfo", Map.of("RecipientId", f.recipientIds().get(1)), "JumpUrl", "https://example.com/done"));
        bases.put("CreateOrganizationBatchSignUrl", Map.of("Operator", operator, "FlowIds", f.flowIds(),
                "UserId", f.tenant().operatorId()));
        bases.put("CreateFlowGroupReminds", Map.of("Operator", operator, "FlowGroupId", f.groupId()));
        bases.put("CreateFlowSignReview", Map.of("Operator", operator, "FlowId", f.flowIds().get(0),
                "ReviewType", "SIGN_REJECT", "ReviewMessage", "不同意", "RecipientId", f.recipientIds().get(1)));
        bases.put("CreateFlowGroupSignReview", Map.of("Operator", operator, "FlowGroupId", f.groupId(),
                "ReviewType", "REJECT", "ReviewMessage", "再看看", "ApproverInfo", Map.of("ApproverType", "PERSON",
                        "ApproverName", "模糊", "ApproverMobile", "13800000011")));
        bases.put("ModifyFlowGroupDeadline", Map.of("Operator", operator, "FlowGroupId", f.groupId(),
                "Deadline", java.time.Instant.now().plus(java.time.Duration.ofDays(400)).getEpochSecond()));
        bases.put("CancelFlowGroup", Map.of("Operator", operator, "FlowGroupId", OPEN_GROUP, "CancelMessage", "测试"));
        bases.put("UploadFiles", Map.of("BusinessType", "DOCUMENT", "Caller", Map.of("OperatorId", f.tenant().operatorId()),
                "FileInfos", List.of(Map.of("FileName", "a.pdf", "FileBody",
                        java.util.Base64.getEncoder().encodeToString(io.signflow.support.TestPdfs.a4(1))))));
        List<Arbitrary<? extends String>> perAction = bases.entrySet().stream()
                .<Arbitrary<? extends String>>map(e -> JsonMutations.of(List.of(ApiClient.JSON.valueToTree(e.getValue())))
                        .map(b -> e.getKey() + " " + b))
                .collect(Collectors.toList());
        return net.jqwik.api.Arbitraries.oneOf(perAction);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /**
     * The codes of docs/api.md's refusal tables (the checks under Protocol and the refusals of every
     * action): the backticked words there that are of one of the ESS code families Signflow answers
     * with (AuthFailure, InvalidParameter, ResourceNotFound, ...); action and field names are not.
     */
    private static Set<String> documentedCodes() {
        try {
            String doc = Files.readString(Path.of("docs/api.md"));
            // the refusal tables run from the whole groups' to the other actions'
            String refusals = doc.substring(doc.indexOf("## Protocol"), doc.indexOf("## Actions"))
                    + doc.substring(doc.indexOf("### Whole groups"), doc.indexOf("### Controls"));
            Set<String> families = new java.util.HashSet<>();
            for (java.lang.reflect.Field field : ErrorCodes.class.getFields()) {
                families.add(((String) field.get(null)).split("\\.")[0]);
            }
            Matcher m = Pattern.compile("`([A-Z][A-Za-z]+)(\\.[A-Za-z]+)?`").matcher(refusals);
            Set<String> codes = new java.util.HashSet<>();
            while (m.find()) {
                if (families.contains(m.group(1))) {
                    codes.add(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
                }
            }
            return codes;
        } catch (IOException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @net.jqwik.api.Example
    void theDocumentedCodesAreTheRefusalTablesCodes() {
        assertThat(DOCUMENTED).contains("InvalidParameter", "ResourceNotFound.Flow", "OperationDenied.NoQuota",
                "InternalError.Db", "AuthFailure.SignatureExpire", "MissingParameter.FlowId").doesNotContain("UploadFiles", "CancelFlow",
                "FlowIds", "DOCUMENT", "POST").hasSizeGreaterThan(60);
    }
}
