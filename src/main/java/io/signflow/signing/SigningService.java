package io.signflow.signing;

import io.signflow.callback.CallbackMessages;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.common.ComponentExtra;
import io.signflow.common.Mobiles;
import io.signflow.common.RequestRejected;
import io.signflow.document.FileRepository;
import io.signflow.document.PageGeometry;
import io.signflow.document.PageRenderer;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.FillValueRules;
import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.notify.NotificationService;
import io.signflow.process.SignFlowEvents;
import io.signflow.signing.SignerQueries.Assignment;
import io.signflow.signing.SignerQueries.Field;
import io.signflow.signing.SignerQueries.Signer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a signer does through their link. A group is signed as a whole: one verified action signs
 * every contract where it is the signer's turn (reference section 2.1), each in its own row lock so
 * that concurrent signatures, rejections, cancellations and the deadline apply one after another.
 * Each action checks the link, proves the signer holds the named phone with a one-time code, records
 * the evidence and the audit trail, and wakes the contracts' processes — all in one transaction.
 */
@Service
public class SigningService {

    private static final Set<String> SEAL_TYPES = Set.of("SIGN_SEAL", "SIGN_PAGING_SEAL");
    /**
     * How every signer proves who they are: a one-time code sent to the mobile the contract names.
     * ApproverVerifyType VerifyCheck (face) is accepted for compatibility, but face verification is
     * not something a self-hosted service can offer, so it is verified the same way (decisions.md).
     */
    static final String MOBILE_CODE = "MOBILE_CODE";

    private final SignLinks links;
    private final SignerQueries queries;
    private final FlowGroupRepository groups;
    private final FileRepository files;
    private final PageRenderer renderer;
    private final FlowProgress progress;
    private final VerificationCodes codes;
    private final SignerRegistry signers;
    private final NotificationService notifications;
    private final AuditTrail audit;
    private final SignFlowEvents events;
    private final SealChooser seals;
    private final SignatureImages signatures;
    private final SigningProperties properties;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final CallbackMessages callbacks;
    private final Clock clock;

    public SigningService(SignLinks links, SignerQueries queries, FlowGroupRepository groups, FileRepository files,
                          PageRenderer renderer, FlowProgress progress, VerificationCodes codes, SignerRegistry signers,
                          NotificationService notifications, AuditTrail audit, SignFlowEvents events,
                          SealChooser seals, SignatureImages signatures, SigningProperties properties,
                          TransactionTemplate transaction, JdbcClient jdbc, CallbackMessages callbacks, Clock clock) {
        this.links = links;
        this.queries = queries;
        this.groups = groups;
        this.files = files;
        this.renderer = renderer;
        this.progress = progress;
        this.codes = codes;
        this.signers = signers;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.seals = seals;
        this.signatures = signatures;
        this.properties = properties;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** The signer's request to sign: the code, a drawn signature and a seal where their controls need them, and fill values by field id. */
    public record SignRequest(String code, String signatureImage, String sealId, Map<Long, String> fills) {
    }

    /** A rejection: the code, a reason, and optionally which contracts (all rejectable ones otherwise). */
    public record RejectRequest(String code, String reason, List<String> flowIds) {
    }

    public record CodeSent(String mobile, long expiresInSeconds) {
    }

    /** Who acted, from where: kept in the evidence and the audit trail. */
    public record Client(String ip, String userAgent) {
    }

    public SignerView view(String token, Client client) {
        return inTransaction(() -> {
            Signer signer = signer(token);
            if (links.markOpened(token)) {
                audit.recordAll(signer.groupId(), flowIds(queries.assignments(signer.id())), AuditEvent.LINK_OPENED,
                        actor(signer), client.ip(), client.userAgent(), null);
            }
            return describe(signer);
        });
    }

    public CodeSent sendCode(String token, Client client) {
        return inTransaction(() -> {
            Signer signer = signer(token);
            signers.lock(signer.id());
            List<Assignment> open = actionable(signer);
            String code = codes.issue(signer.id());
            notifications.send(signer.mobile(), NotificationService.Purpose.VERIFICATION_CODE,
                    "您的签署验证码是" + code + "，" + properties.codeTtl().toMinutes() + "分钟内有效，请勿告诉他人。", null,
                    code, signer.groupId());
            audit.recordAll(signer.groupId(), flowIds(open), AuditEvent.CODE_SENT, AuditTrail.PLATFORM, client.ip(),
                    client.userAgent(),
                    "to " + Mobiles.masked(signer.mobile()));
            return new CodeSent(Mobiles.masked(signer.mobile()), properties.codeTtl().toSeconds());
        });
    }

    public SignerView sign(String token, SignRequest request, Client client) {
        return withCode(token, signer -> {
            List<Assignment> turn = lockTurn(signer);
            codes.consume(signer.id(), request.code());
            List<Field> fields = queries.fields(turn.stream().map(Assignment::recipientId).toList());
            byte[] signature = fields.stream().anyMatch(f -> f.type().equals("SIGN_SIGNATURE"))
                    ? signatures.decode(request.signatureImage()) : null;
            SealChooser.Choice seal = fields.stream().anyMatch(f -> SEAL_TYPES.contains(f.type()))
                    ? seals.choose(signer.organizationName(), signer.mobile(), blankToNull(request.sealId()),
                    fields.stream().filter(f -> f.type().equals("SIGN_SEAL")).map(Field::componentValue)
                            .filter(Objects::nonNull).collect(Collectors.toSet()))
                    : null;
            fill(fields, request.fills() == null ? Map.of() : request.fills());
            OffsetDateTime now = OffsetDateTime.now(clock);
            String method = seal == null ? "HANDWRITTEN" : signature == null ? "SEAL" : "SEAL_AND_HANDWRITTEN";
            for (Assignment assignment : turn) {
                jdbc.sql("insert into signature_record (flow_id, recipient_id, signer_id, method, seal_id, signature_png, "
                                + "seal_png, verification, ip, user_agent, signed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(assignment.flowId(), assignment.recipientId(), signer.id(), method,
                                seal == null ? null : seal.sealId(), signature, seal == null ? null : seal.drawnPng(),
                                MOBILE_CODE, client.ip(), truncate(client.userAgent(), 300), now)
                        .update();
                progress.recordSignature(assignment.flowId(), assignment.recipientId());
                callbacks.flowChanged(assignment.flowId(), CallbackMessages.Operate.SIGN, assignment.recipientId());
            }
            List<String> flowIds = flowIds(turn);
            audit.recordAll(signer.groupId(), flowIds, AuditEvent.IDENTITY_VERIFIED, actor(signer), client.ip(),
                    client.userAgent(),
                    verifiedHow(signer));
            audit.recordAll(signer.groupId(), flowIds, AuditEvent.SIGNED, actor(signer), client.ip(),
                    client.userAgent(),
                    signedWith(seal, signature != null));
            flowIds.forEach(events::signed);
            return describe(signer);
        });
    }

    public SignerView reject(String token, RejectRequest request, Client client) {
        String reason = request.reason() == null ? "" : request.reason().trim();
        if (reason.isEmpty() || reason.length() > 500 || !FillValueRules.isAcceptableText(reason)) {
            throw RequestRejected.badRequest("Give a reason of at most 500 characters.");
        }
        return withCode(token, signer -> {
            List<Assignment> turn = lockTurn(signer).stream()
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
            audit.recordAll(signer.groupId(), flowIds(turn), AuditEvent.REJECTED, actor(signer), client.ip(),
                    client.userAgent(), reason);
            flowIds(turn).forEach(events::rejected);
            // after the process has ended the contract as rejected, so the callback shows it
            turn.forEach(a -> callbacks.flowChanged(a.flowId(), CallbackMessages.Operate.REJECT, a.recipientId()));
            return describe(signer);
        });
    }

    /**
     * A page of one of the signer's contracts; not for contracts that ended without being signed, and
     * not once the link is used up (see {@link #usedUp}).
     */
    public byte[] page(String token, String flowId, int page) {
        Signer signer = transaction.execute(status -> signer(token));
        List<Assignment> assignments = queries.assignments(signer.id());
        Assignment assignment = assignments.stream().filter(a -> a.flowId().equals(flowId))
                .findFirst().orElseThrow(() -> RequestRejected.notFound("No such contract for this link."));
        if (usedUp(assignments)) {
            throw new RequestRejected(HttpStatus.GONE, "You have nothing left to do in this group; its contracts "
                    + "are no longer shown through this link.");
        }
        if (FlowStatus.isTerminal(assignment.flowStatus()) && assignment.flowStatus() != FlowStatus.ALL_SIGNED) {
            throw new RequestRejected(HttpStatus.GONE, "This contract has ended; its pages are no longer shown.");
        }
        int pages = files.pages(List.of(assignment.fileId())).get(assignment.fileId()).size();
        if (page < 1 || page > pages) {
            throw RequestRejected.notFound("The contract has " + pages + " pages.");
        }
        return renderer.png(assignment.fileId(), page);
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
        Signer signer = transaction.execute(status -> signer(token));
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

    /** The signer's contracts where it is their turn, locked and read again under the lock. */
    private List<Assignment> lockTurn(Signer signer) {
        List<Assignment> open = actionable(signer);
        progress.lock(flowIds(open));
        List<Assignment> locked = queries.assignments(signer.id()).stream()
                .filter(a -> a.approveStatus() == ApproveStatus.TO_SIGN).toList();
        if (locked.isEmpty()) {
            throw RequestRejected.conflict("These contracts have just been signed or have ended.");
        }
        return locked;
    }

    private List<Assignment> actionable(Signer signer) {
        List<Assignment> all = queries.assignments(signer.id());
        List<Assignment> open = all.stream().filter(a -> a.approveStatus() == ApproveStatus.TO_SIGN).toList();
        if (open.isEmpty()) {
            throw RequestRejected.conflict(switch (state(all)) {
                case "DONE" -> "You have signed all your contracts in this group.";
                case "WAITING" -> "It is not your turn yet: others sign before you. You will be notified.";
                default -> "Your contracts in this group have ended; there is nothing to sign.";
            });
        }
        return open;
    }

    private void fill(List<Field> fields, Map<Long, String> values) {
        for (Field field : fields) {
            if (!field.isFill()) {
                continue;
            }
            String value = blankToNull(values.getOrDefault(field.id(), field.componentValue()));
            String label = field.name() != null ? field.name() : field.type();
            if (value == null) {
                if (field.required()) {
                    throw RequestRejected.badRequest("Fill in " + label + " first.");
                }
                continue;
            }
            if (!FillValueRules.isAcceptableText(value) || !FillValueRules.suits(field.type(), value, ComponentExtra.of(field.extra()).json())) {
                throw RequestRejected.badRequest(label + ": " + FillValueRules.expectedFor(field.type()) + ".");
            }
            jdbc.sql("update component set component_value = ? where id = ?").params(value, field.id()).update();
        }
    }

    /**
     * The signer's view. A used-up link shows only what became of each contract: no pages, fields or
     * seals, since the signer has nothing left to act on.
     */
    private SignerView describe(Signer signer) {
        FlowGroupSummary group = groups.find(signer.groupId()).orElseThrow();
        List<Assignment> assignments = queries.assignments(signer.id());
        boolean usedUp = usedUp(assignments);
        Map<String, List<Field>> fields = usedUp ? Map.of()
                : queries.fields(assignments.stream().map(Assignment::recipientId).toList())
                .stream().collect(Collectors.groupingBy(Field::flowId));
        Map<String, List<PageGeometry>> pages = usedUp ? Map.of()
                : files.pages(assignments.stream().map(Assignment::fileId).distinct().toList());
        List<SignerView.Contract> contracts = new ArrayList<>();
        for (Assignment a : assignments) {
            boolean canSign = a.approveStatus() == ApproveStatus.TO_SIGN;
            contracts.add(new SignerView.Contract(a.flowId(), a.flowName(), a.flowType(), a.description(), a.flowStatus(),
                    a.approveStatus(), a.flowMessage(), canSign, canSign && !a.noRefuse(),
                    pages.getOrDefault(a.fileId(), List.of()).stream()
                            .map(p -> new SignerView.Page(p.width(), p.height())).toList(),
                    fields.getOrDefault(a.flowId(), List.of()).stream().map(SigningService::field).toList()));
        }
        List<Field> open = contracts.stream().filter(SignerView.Contract::canSign)
                .flatMap(c -> fields.getOrDefault(c.flowId(), List.of()).stream()).toList();
        List<SignerView.SealOption> sealOptions = signer.isEnterprise() && !usedUp
                ? seals.options(signer.organizationName(), signer.mobile()).stream()
                .map(s -> new SignerView.SealOption(s.id(), s.name())).toList()
                : List.of();
        return new SignerView(group.name(), group.organizationName(), new SignerView.Person(signer.name(),
                signer.isEnterprise() ? signer.organizationName() : null, Mobiles.masked(signer.mobile())),
                MOBILE_CODE, state(assignments),
                open.stream().anyMatch(f -> f.type().equals("SIGN_SIGNATURE")),
                open.stream().anyMatch(f -> SEAL_TYPES.contains(f.type())), sealOptions, contracts);
    }

    private static SignerView.Field field(Field f) {
        List<String> choices = new ArrayList<>();
        JsonNode values = ComponentExtra.of(f.extra()).json().get("Values");
        if (values != null) {
            values.forEach(v -> choices.add(v.asText()));
        }
        return new SignerView.Field(f.id(), f.type(), f.name(), f.pageNo(), f.posX(), f.posY(), f.width(), f.height(),
                f.required(), f.isFill() ? f.componentValue() : null, choices);
    }

    /** The signer has signed or rejected everything, or their contracts have ended: nothing is left to do. */
    private static boolean usedUp(List<Assignment> assignments) {
        String state = state(assignments);
        return state.equals("DONE") || state.equals("ENDED");
    }

    private static String state(List<Assignment> assignments) {
        if (assignments.stream().anyMatch(a -> a.approveStatus() == ApproveStatus.TO_SIGN)) {
            return "TO_SIGN";
        }
        if (assignments.stream().anyMatch(a -> ApproveStatus.isOpen(a.approveStatus())
                && !FlowStatus.isTerminal(a.flowStatus()))) {
            return "WAITING";
        }
        return assignments.stream().allMatch(a -> a.approveStatus() == ApproveStatus.SIGNED) ? "DONE" : "ENDED";
    }

    private Signer signer(String token) {
        return links.signerOf(token).flatMap(queries::signer)
                .orElseThrow(() -> RequestRejected.notFound("This link is not valid or has expired. Ask the sender "
                        + "for a new one."));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    private static List<String> flowIds(List<Assignment> assignments) {
        return assignments.stream().map(Assignment::flowId).toList();
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

    private static String signedWith(SealChooser.Choice seal, boolean handwritten) {
        if (seal == null) {
            return "handwritten signature";
        }
        String sealed = seal.sealId() != null ? "seal " + seal.sealId() : "seal drawn from the organization's name";
        return handwritten ? sealed + " and handwritten signature" : sealed;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
