package io.signflow.signing;

import io.signflow.api.ErrorCodes;
import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.common.Mobiles;
import io.signflow.common.RequestRejected;
import io.signflow.flowgroup.FillValueRules;
import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.signing.SignerQueries.Assignment;
import io.signflow.signing.SignerQueries.Field;
import io.signflow.signing.SignerQueries.Signer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a signer does through their link. A group is signed as a whole: one verified action signs
 * every contract where it is the signer's turn (reference section 2.1), each in its own row lock so
 * that concurrent signatures, rejections, cancellations and the deadline apply one after another.
 * Each action checks the link, proves the signer holds the named phone with a one-time code, records
 * the evidence and the audit trail, and wakes the contracts' processes — all in one transaction. What
 * a contract then announces is up to its process.
 */
@Service
class SigningService {

    private final LinkHolders holders;
    private final SignLinks links;
    private final SignerQueries queries;
    private final SignerTurns turns;
    private final SignerViews views;
    private final SignerFills fills;
    private final SignerRegistry registry;
    private final SignerTexts texts;
    private final SignatureMarks marks;
    private final SignatureRecords records;
    private final VerificationCodes codes;
    private final FlowProgress progress;
    private final SignatureProcesses processes;
    private final FlowGroupRepository groups;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    SigningService(LinkHolders holders, SignLinks links, SignerQueries queries, SignerTurns turns, SignerViews views,
                   SignerFills fills, SignerRegistry registry, SignerTexts texts, SignatureMarks marks, SignatureRecords records, VerificationCodes codes,
                   FlowProgress progress, SignatureProcesses processes, FlowGroupRepository groups, AuditTrail audit,
                   TransactionTemplate transaction) {
        this.holders = holders;
        this.links = links;
        this.queries = queries;
        this.turns = turns;
        this.views = views;
        this.fills = fills;
        this.registry = registry;
        this.texts = texts;
        this.marks = marks;
        this.records = records;
        this.codes = codes;
        this.progress = progress;
        this.processes = processes;
        this.groups = groups;
        this.audit = audit;
        this.transaction = transaction;
    }

    /**
     * The signer's request to sign: the code; where their controls need them a signature (drawn, or
     * {@code signatureKind} SYSTEM_ESIGN to have it generated from their name), a seal and a legal
     * representative's seal; fill values and the text of opinions and signing-approval parts by field id.
     */
    record SignRequest(String code, String signatureImage, String signatureKind, String sealId,
                       String legalPersonSealId, Map<Long, String> fills) {
    }

    /** A rejection: the code, a reason, and optionally which contracts (all rejectable ones otherwise). */
    record RejectRequest(String code, String reason, List<String> flowIds) {
    }

    /** Who acted, from where: kept in the evidence and the audit trail. */
    record Client(String ip, String userAgent) {
    }

    SignerView view(String token, Client client) {
        return inTransaction(() -> {
            Signer signer = holders.of(token);
            if (links.markOpened(token)) {
                audit.recordAll(signer.groupId(), SignerTurns.flowIds(queries.assignments(signer.id())),
                        AuditEvent.LINK_OPENED, actor(signer), client.ip(), client.userAgent(), null);
            }
            return view(signer, token);
        });
    }

    SignerView sign(String token, SignRequest request, Client client) {
        return withCode(token, signer -> {
            List<Assignment> turn = turns.lock(signer);
            refuseUnreviewed(turn);
            if (turn.stream().anyMatch(a -> SignerViews.locked(signer, a))) {
                throw new RequestRejected(HttpStatus.FORBIDDEN, "View the contracts first: verify with a code sent "
                        + "to your mobile.");
            }
            codes.consume(signer.id(), request.code());
            List<Field> fields = queries.fields(turn.stream().map(Assignment::recipientId).toList());
            SignatureRecords.Marks signedWith = marks.choose(signer, fields, request);
            Map<Long, String> values = request.fills() == null ? Map.of() : request.fills();
            fills.fill(signer, fields, values);
            texts.fill(fields, values);
            List<String> flowIds = SignerTurns.flowIds(turn);
            records.byPerson(turn, signer.id(), signedWith, client);
            progress.recordSignatures(flowIds, turn.stream().map(Assignment::recipientId).toList());
            audit.recordAll(signer.groupId(), flowIds, List.of(
                    new AuditTrail.Occurrence(AuditEvent.IDENTITY_VERIFIED, verifiedHow(signer)),
                    new AuditTrail.Occurrence(AuditEvent.SIGNED, signedWith.described())),
                    actor(signer), client.ip(), client.userAgent());
            processes.signed(turn.stream()
                    .map(a -> new SignatureProcesses.Signature(a.flowId(), a.recipientId())).toList());
            return view(signer, token);
        });
    }

    /** Opens the contracts that ask for a code before they are shown (ApproverVerifyTypes 2). */
    SignerView verifyToView(String token, String code, Client client) {
        return withCode(token, signer -> {
            codes.consume(signer.id(), code);
            registry.markViewVerified(signer.id());
            audit.recordAll(signer.groupId(), SignerTurns.flowIds(queries.assignments(signer.id())),
                    AuditEvent.IDENTITY_VERIFIED, actor(signer), client.ip(), client.userAgent(),
                    "to view the contracts: " + verifiedHow(signer));
            return view(holders.of(token), token);
        });
    }

    SignerView reject(String token, RejectRequest request, Client client) {
        String reason = request.reason() == null ? "" : request.reason().trim();
        if (reason.isEmpty() || reason.length() > 500 || !FillValueRules.isAcceptableText(reason)) {
            throw RequestRejected.badRequest("Give a reason of at most 500 characters.");
        }
        return withCode(token, signer -> {
            List<Assignment> turn = turns.lock(signer).stream()
                    .filter(a -> request.flowIds() == null || request.flowIds().isEmpty()
                            || request.flowIds().contains(a.flowId()))
                    .toList();
            if (turn.isEmpty()) {
                throw RequestRejected.conflict("None of the contracts named can be rejected now.");
            }
            if (turn.stream().anyMatch(Assignment::noRefuse)) {
                throw new RequestRejected(HttpStatus.FORBIDDEN, "The initiator does not allow rejecting "
                        + turn.stream().filter(Assignment::noRefuse).map(Assignment::flowName).toList() + ".");
            }
            codes.consume(signer.id(), request.code());
            for (Assignment assignment : turn) {
                progress.recordRejection(assignment.recipientId(), reason);
                progress.setMessage(assignment.flowId(), reason);
            }
            audit.recordAll(signer.groupId(), SignerTurns.flowIds(turn), AuditEvent.REJECTED, actor(signer),
                    client.ip(), client.userAgent(), reason);
            turn.forEach(a -> processes.rejected(a.flowId(), a.recipientId()));
            return view(signer, token);
        });
    }

    /**
     * The group is signed as a whole (reference section 2.1): while the initiator's review of any of
     * these signatures has not passed, none of them is signed, and the code is not used up.
     */
    private static void refuseUnreviewed(List<Assignment> turn) {
        List<String> awaiting = turn.stream().filter(Assignment::awaitsReview).map(Assignment::flowName).toList();
        if (!awaiting.isEmpty()) {
            throw new RequestRejected(HttpStatus.CONFLICT, "签署审核未通过，请等待发起方审核 · "
                    + "The initiator has not passed its review of your signature yet: " + String.join(", ", awaiting)
                    + ".", ErrorCodes.NO_SIGN_REVIEW_PASS);
        }
    }

    private interface SignerAction {
        SignerView run(Signer signer);
    }

    /** What an action that needs a code ended with: the signer's new view, or a wrong code. */
    private record Outcome(SignerView view, VerificationCodes.WrongCode wrongCode) {
    }

    /**
     * Runs an action that uses up a verification code. Actions check the code before they change
     * anything, so on a wrong code the transaction is committed rather than rolled back: it holds only
     * the counted attempt, made under the code's row lock, and concurrent guesses cannot outrun the
     * limit.
     */
    private SignerView withCode(String token, SignerAction action) {
        Signer signer = transaction.execute(status -> holders.of(token));
        Outcome outcome = inTransaction(() -> {
            try {
                return new Outcome(action.run(signer), null);
            } catch (VerificationCodes.WrongCode wrong) {
                return new Outcome(null, wrong);
            }
        });
        if (outcome.wrongCode() != null) {
            throw outcome.wrongCode();
        }
        return outcome.view();
    }

    private SignerView view(Signer signer, String token) {
        return views.of(signer, links.find(token).map(SignLinks.Link::jumpUrl).orElse(null));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    private static String actor(Signer signer) {
        return AuditTrail.signer(signer.name(), Mobiles.masked(signer.mobile()));
    }

    /** The audit trail's account of the check, saying so when the group asked for a face check we do not offer. */
    private String verifiedHow(Signer signer) {
        String how = "one-time code to " + Mobiles.masked(signer.mobile());
        return "VerifyCheck".equals(groups.find(signer.groupId()).orElseThrow().approverVerifyType())
                ? how + " (ApproverVerifyType VerifyCheck asks for a face check, which Signflow does not offer; "
                + "every signer is verified by mobile code)"
                : how;
    }
}
