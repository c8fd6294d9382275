package io.signflow.flowgroup;

import io.signflow.common.TransactionMemo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What this module remembers of its rows for the rest of a transaction ({@link TransactionMemo}): a
 * creation writes them and a dozen steps per contract read them back in the same transaction. The
 * creating insert remembers what it wrote; every write of these columns forgets.
 */
final class FlowMemos {

    /** A contract's terms the deadline timer and the turns ask for; only ModifyFlowGroupDeadline changes one. */
    record Terms(Instant deadline, boolean unordered) {
    }

    static final TransactionMemo<String, Terms> TERMS = new TransactionMemo<>("flow.terms");
    /** A group's contracts in request order: fixed at creation. */
    static final TransactionMemo<String, List<String>> GROUP_FLOWS = new TransactionMemo<>("flow_group.flows");
    /** A contract's group: fixed at creation. */
    static final TransactionMemo<String, String> FLOW_GROUP = new TransactionMemo<>("flow.group");
    /**
     * A contract's status and approvers: they change, so only FlowProgress, which makes every change to
     * them, keeps them, forgetting a contract when it changes it and when it takes the contract's lock
     * (what was read before may have been changed by the transaction that held the lock).
     */
    static final TransactionMemo<String, Integer> STATUS = new TransactionMemo<>("flow.status");
    static final TransactionMemo<String, List<FlowApprover>> APPROVERS = new TransactionMemo<>("approver.flow");
    /** Whether anyone in the contract is to be reviewed before signing: fixed at creation. */
    static final TransactionMemo<String, Boolean> REVIEWED = new TransactionMemo<>("flow.reviewed");
    /** Whether a contract has copied parties: they are named at creation only. */
    static final TransactionMemo<String, Boolean> COPIED = new TransactionMemo<>("copied_party.any");
    /** Whether a group row is a single contract's own: marked once, in the transaction that creates it. */
    static final TransactionMemo<String, Boolean> SINGLE = new TransactionMemo<>("flow_group.single");
    /** The seals an auto-signer's controls name, by control type; a signer's fill forgets them. */
    static final TransactionMemo<String, Map<String, String>> SEALS = new TransactionMemo<>("component.seals");
    static final TransactionMemo<String, FlowGroupSummary> SUMMARIES = new TransactionMemo<>("flow_group.summary");

    private FlowMemos() {
    }
}
