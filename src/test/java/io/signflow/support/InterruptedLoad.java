package io.signflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A load of creations and signings through one or more nodes, during which a node is killed; then
 * the checks that everything answered with success is intact and has ended exactly once, and that
 * nothing answered with an error left a trace. Every creation carries a group name of its own, so
 * that what the database holds can be told apart by what its request was answered: accepted (the
 * group must be there), refused with an error (it must not), or never answered (it may be).
 */
public final class InterruptedLoad {

    /** What a request got back. */
    public enum Outcome { ACCEPTED, REFUSED, UNANSWERED }

    /** One creation: its group's name, the node it went to, what it got back and when it was sent. */
    public record Creation(String name, int node, Outcome outcome, String groupId, long sentNanos) {
    }

    /** A person who signs a group during the load: first through one node, again later if no answer came. */
    private record Signing(String mobile, SignerClient first, String code) {
    }

    private final Tenant tenant;
    private final List<ApiClient> nodes;
    private final List<Signing> signings = new ArrayList<>();
    private final List<Creation> creations = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> signingGroups = new HashSet<>();
    private final Map<String, Outcome> signed = Collections.synchronizedMap(new HashMap<>());
    private volatile long killedNanos = Long.MAX_VALUE;

    /** {@code nodes}: the tenant's API key on each node, in the order creations take turns. */
    public InterruptedLoad(Tenant tenant, List<ApiClient> nodes) {
        this.tenant = tenant;
        this.nodes = nodes;
    }

    /**
     * {@code count} groups, each with the tenant's auto-signer and a person, whose person signs during
     * the load, in turn through the nodes {@code admins} reach (one per node, in the order of the API nodes).
     */
    public void prepareSigners(int count, List<AdminClient> admins) {
        for (int i = 0; i < count; i++) {
            String mobile = Tenants.mobile();
            ObjectNode request = Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant), Requests.person("签署人", mobile)));
            request.put("FlowGroupName", "签署组 " + i);
            signingGroups.add(tenant.api().ok("CreateFlowGroupByFiles", request).get("FlowGroupId").asText());
            SignerClient signer = SignerClient.invited(admins.get(0), mobile);
            String code = signer.code();
            signings.add(new Signing(mobile, SignerClient.withLink(admins.get(i % admins.size()), mobile,
                    "/sign/" + signer.token()), code));
        }
    }

    /**
     * Sends {@code total} auto-signed creations through the nodes in turn, with the signings spread among
     * them, four at a time; {@code kill} runs once {@code killAfter} creations have been accepted. Returns
     * when every request has been answered or has failed.
     */
    public void run(int total, int killAfter, Killer kill) throws Exception {
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> requests = new ArrayList<>();
        int every = Math.max(1, total / Math.max(1, signings.size()));
        for (int i = 0; i < total; i++) {
            if (i % every == 0 && i / every < signings.size()) {
                Signing signing = signings.get(i / every);
                requests.add(load.submit(() -> sign(signing)));
            }
            int index = i;
            requests.add(load.submit(() -> create(index)));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> accepted().size() >= killAfter);
        killedNanos = System.nanoTime();
        kill.kill();
        for (Future<?> request : requests) {
            request.get(2, TimeUnit.MINUTES);
        }
        load.shutdown();
    }

    /** Kills a node. */
    public interface Killer {
        void kill() throws Exception;
    }

    private void create(int index) {
        String name = "负载组 " + index;
        int node = index % nodes.size();
        ObjectNode request = Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant)));
        request.put("FlowGroupName", name);
        long sent = System.nanoTime();
        Outcome outcome;
        String groupId = null;
        try {
            JsonNode answer = nodes.get(node).call("CreateFlowGroupByFiles", request);
            groupId = answer.path("FlowGroupId").asText(null);
            outcome = groupId != null ? Outcome.ACCEPTED : Outcome.REFUSED;
        } catch (AssertionError e) {
            // an HTTP error instead of the envelope: answered, and not with success
            outcome = Outcome.REFUSED;
        } catch (RuntimeException e) {
            // the connection died with the node
            outcome = Outcome.UNANSWERED;
        }
        creations.add(new Creation(name, node, outcome, groupId, sent));
    }

    private void sign(Signing signing) {
        try {
            signed.put(signing.mobile(), signing.first().sign(signing.code()).status() == 200 ? Outcome.ACCEPTED
                    : Outcome.REFUSED);
        } catch (RuntimeException e) {
            signed.put(signing.mobile(), Outcome.UNANSWERED);
        }
    }

    public List<Creation> accepted() {
        return of(Outcome.ACCEPTED);
    }

    public List<Creation> of(Outcome outcome) {
        synchronized (creations) {
            return creations.stream().filter(c -> c.outcome() == outcome).toList();
        }
    }

    /** Creations sent to {@code node} after the kill. */
    public List<Creation> sentAfterTheKill(int node) {
        synchronized (creations) {
            return creations.stream().filter(c -> c.node() == node && c.sentNanos() > killedNanos).toList();
        }
    }

    /** Signings that were answered with success at once. */
    public long signedAtOnce() {
        return signed.values().stream().filter(o -> o == Outcome.ACCEPTED).count();
    }

    /**
     * A signer whose answer never came looks at their link on a node that is up, through {@code admin},
     * and signs again with the same code if their contracts are still open; returns how many did.
     */
    public int signAgainWhereUnanswered(AdminClient admin) {
        int again = 0;
        for (Signing signing : signings) {
            SignerClient signer = SignerClient.withLink(admin, signing.mobile(), "/sign/" + signing.first().token());
            if (!"DONE".equals(signer.view().body().get("state").asText())) {
                assertThat(signed.get(signing.mobile())).as("only a signing that got no answer is repeated")
                        .isEqualTo(Outcome.UNANSWERED);
                again++;
                assertThat(signer.sign(signing.code()).status()).isEqualTo(200);
            }
        }
        return again;
    }

    /**
     * Waits until every group has ended, then checks: each accepted group is there and completed, no
     * refused one left a trace, each contract is sealed once and each signature recorded once, each
     * signer was invited once and every text delivered, the quota ledger is exact, no job or incident is
     * left, and every callback event arrived (duplicates only with the same MsgId). Returns a summary.
     */
    public String assertEveryAcceptedGroupEndedOnce(Connection db, AdminClient admin, CallbackReceiver receiver,
                                                    String key, String token) throws Exception {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Counts.of(db, "select count(*) from flow_group where status <> 'COMPLETED'") == 0);
        Set<String> names = new HashSet<>();
        try (var rows = db.createStatement().executeQuery("select name from flow_group")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        Set<String> accepted = names(Outcome.ACCEPTED);
        Set<String> refused = names(Outcome.REFUSED);
        Set<String> unanswered = names(Outcome.UNANSWERED);
        assertThat(names).as("every accepted group").containsAll(accepted);
        assertThat(names).as("no group whose request was refused").noneMatch(refused::contains);
        Set<String> committedUnanswered = names.stream().filter(unanswered::contains).collect(Collectors.toSet());
        assertThat(names.size()).as("accepted, signing and unanswered-but-committed groups, nothing else")
                .isEqualTo(accepted.size() + signingGroups.size() + committedUnanswered.size());

        long groups = Counts.of(db, "select count(*) from flow_group");
        long flows = Counts.of(db, "select count(*) from flow");
        long approvers = Counts.of(db, "select count(*) from approver");
        assertThat(Counts.of(db, "select count(*) from flow where status = 4")).isEqualTo(flows);
        assertThat(Counts.of(db, "select count(*) from sealed_document")).isEqualTo(flows);
        assertThat(Counts.of(db, "select count(*) from signature_record")).isEqualTo(approvers);
        assertThat(Counts.of(db, "select count(*) from audit_event where event = 'SIGNED'")).isEqualTo(approvers);
        assertThat(Counts.of(db, "select count(*) from audit_event where event = 'SEALED'")).isEqualTo(flows);
        assertThat(Counts.of(db, "select count(*) from quota_ledger where entry_type = 'DEDUCT'")).isEqualTo(flows);
        assertThat(admin.get("/admin/quota/ledger-check").get("mismatches")).isEmpty();
        // nothing left but the engine's own nightly history-cleanup job
        assertThat(Counts.of(db, "select count(*) from act_ru_job where handler_type_ <> 'history-cleanup'")).isZero();
        assertThat(Counts.of(db, "select count(*) from act_ru_incident")).isZero();

        // each signer was told once, asked for one code, and every text went out
        Map<String, Long> invitations = new HashMap<>();
        try (var rows = db.createStatement().executeQuery("select recipient, count(*) from outbox_message "
                + "where kind = 'NOTIFICATION' and subject = 'SIGN_INVITATION' group by recipient")) {
            while (rows.next()) {
                invitations.put(rows.getString(1), rows.getLong(2));
            }
        }
        assertThat(invitations).hasSize(signings.size());
        assertThat(invitations.values()).containsOnly(1L);
        assertThat(signings).allMatch(s -> invitations.containsKey(s.mobile()));
        await().atMost(Duration.ofMinutes(1)).until(() -> Counts.of(db,
                "select count(*) from outbox_message where kind = 'NOTIFICATION' and status <> 'SENT'") == 0);

        // per contract: start, one sign per approver, finish; per group: its end
        long expected = 2 * flows + approvers + groups;
        await().atMost(Duration.ofMinutes(2)).until(() -> distinctMessages(receiver, key, token).size() >= expected);
        Map<String, JsonNode> messages = distinctMessages(receiver, key, token);
        Map<String, Integer> events = new HashMap<>();
        messages.values().forEach(m -> events.merge(m.at("/MsgData/FlowId").asText(m.at("/MsgData/FlowGroupId")
                .asText()) + "/" + m.at("/MsgData/Operate").asText("group") + "/"
                + m.at("/MsgData/RecipientId").asText(), 1, Integer::sum));
        assertThat(events).hasSize((int) expected);
        assertThat(events.values()).containsOnly(1);
        return String.format("%d creations: %d accepted, %d refused with an error, %d unanswered (%d of them "
                        + "committed); %d signings answered at once; %d groups, %d contracts completed and sealed once, "
                        + "%d signatures, %d invitations, %d callback events (%d received, %d duplicates by MsgId)",
                creations.size(), accepted.size(), refused.size(), unanswered.size(), committedUnanswered.size(),
                signedAtOnce(), groups, flows, approvers, invitations.size(), messages.size(), receiver.received().size(),
                receiver.received().size() - messages.size());
    }

    private Set<String> names(Outcome outcome) {
        return of(outcome).stream().map(Creation::name).collect(Collectors.toSet());
    }

    private static Map<String, JsonNode> distinctMessages(CallbackReceiver receiver, String key, String token)
            throws Exception {
        Map<String, JsonNode> byId = new HashMap<>();
        for (CallbackReceiver.Received received : new ArrayList<>(receiver.received())) {
            JsonNode message = received.open(key, token);
            byId.put(message.get("MsgId").asText(), message);
        }
        return byId;
    }
}
