package io.signflow.flowgroup;

import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.common.CallbackAddressPolicy;
import io.signflow.common.Ids;
import io.signflow.document.DocumentService;
import io.signflow.document.DocumentService.UsableDocument;
import io.signflow.flowgroup.ComponentRules.Role;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Checks a whole CreateFlowGroupByFiles request against the reference's rules, each failure with
 * its documented code, and returns the draft the process persists. It reads (operator, files, seals)
 * but writes nothing: a refused request leaves no trace.
 */
@Component
class FlowGroupValidator {

    static final int MIN_FLOWS = 2;
    static final int MAX_FLOWS = 50;
    static final int MAX_APPROVERS = 50;
    /** An unset Deadline (or 0, as the seed sends) means one year, as ESS callbacks show. */
    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(31_536_000);
    static final Duration MAX_DEADLINE = Duration.ofDays(3660);

    private final ActingPartyResolver actingParties;
    private final DocumentService documents;
    private final ApproverValidator approvers;
    private final ComponentPlacement placement;
    private final CallbackAddressPolicy callbackAddresses;
    private final Clock clock;

    public FlowGroupValidator(ActingPartyResolver actingParties, DocumentService documents,
                              ApproverValidator approvers, ComponentPlacement placement,
                              CallbackAddressPolicy callbackAddresses, Clock clock) {
        this.actingParties = actingParties;
        this.documents = documents;
        this.approvers = approvers;
        this.placement = placement;
        this.callbackAddresses = callbackAddresses;
        this.clock = clock;
    }

    public FlowGroupDraft validate(ApiCaller caller, CreateFlowGroupByFilesRequest request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        if (!TextRules.isContractName(request.flowGroupName())) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "FlowGroupName must be 1-200 characters: CJK characters "
                    + "and punctuation, letters, digits, space and ()[]-_,;.&+.");
        }
        List<FlowGroupInfo> infos = request.flowGroupInfos();
        if (infos.size() < MIN_FLOWS || infos.size() > MAX_FLOWS) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "FlowGroupInfos must hold " + MIN_FLOWS + " to " + MAX_FLOWS
                    + " sub-contracts; it holds " + infos.size() + ".");
        }
        var options = request.flowGroupOptions();
        String verifyType = verifyType("FlowGroupOptions.ApproverVerifyType",
                options == null ? null : options.approverVerifyType());
        String selfNotify = notifyOption("SelfOrganizationApproverNotifyType",
                options == null ? null : options.selfOrganizationApproverNotifyType());
        String otherNotify = notifyOption("OtherApproverNotifyType",
                options == null ? null : options.otherApproverNotifyType());
        Instant now = clock.instant();
        for (int i = 0; i < infos.size(); i++) {
            checkFlowFields("FlowGroupInfos[" + i + "]", infos.get(i), now);
        }
        Map<String, UsableDocument> files = documents.usableDocuments(acting.organization(),
                infos.stream().map(info -> info.fileIds().get(0)).distinct().toList());
        List<FlowGroupDraft.Flow> flows = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            flows.add(flow("FlowGroupInfos[" + i + "]", infos.get(i), acting, files.get(infos.get(i).fileIds().get(0)),
                    now));
        }
        return new FlowGroupDraft(Ids.next(), request.flowGroupName(), acting.organization().id(),
                acting.operatorOrganization().id(), acting.operator().id(), caller.clientIp(), verifyType, selfNotify, otherNotify, flows,
                now);
    }

    /**
     * A contract that belongs to no group (CreateFlowByFiles): the checks of a sub-contract, with its
     * fields named from the request's root (FlowName, Approvers[0]…), giving a draft of one contract
     * whose group row is the contract's own. Signers have no group options: NotifyType alone decides.
     */
    FlowGroupDraft validateContract(ApiCaller caller, UserInfo operator, Agent agent, String approverVerifyType,
                                    FlowGroupInfo info) {
        ActingParty acting = actingParties.resolve(caller, operator, agent);
        String verifyType = verifyType("ApproverVerifyType", approverVerifyType);
        Instant now = clock.instant();
        try {
            checkFlowFields("", info, now);
            String fileId = info.fileIds().get(0);
            FlowGroupDraft.Flow flow = flow("", info, acting,
                    documents.usableDocuments(acting.organization(), List.of(fileId)).get(fileId), now);
            return new FlowGroupDraft(Ids.next(), info.flowName(), acting.organization().id(),
                    acting.operatorOrganization().id(), acting.operator().id(), caller.clientIp(), verifyType, "sms",
                    "sms", List.of(flow), now);
        } catch (ApiException refused) {
            throw new ApiException(refused.code(), fromRoot(refused.getMessage()));
        }
    }

    /** A message about a field of a sub-contract at the root ("", not "FlowGroupInfos[0]") names the field alone. */
    static String fromRoot(String message) {
        return message.startsWith(".") ? message.substring(1) : message.startsWith(": ") ? message.substring(2) : message;
    }

    private static String verifyType(String field, String value) {
        String verifyType = option(value, "VerifyCheck");
        if (!verifyType.equals("VerifyCheck") && !verifyType.equals("MobileCheck")) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, field + " must be VerifyCheck or MobileCheck.");
        }
        return verifyType;
    }

    private void checkFlowFields(String at, FlowGroupInfo info, Instant now) {
        if (!TextRules.isContractName(info.flowName())) {
            throw new ApiException(ErrorCodes.FLOW_NAME, at + ".FlowName must be 1-200 characters: CJK characters and "
                    + "punctuation, letters, digits, space and ()[]-_,;.&+.");
        }
        if (info.flowType() != null && (info.flowType().length() > 200 || !TextRules.isPlainText(info.flowType()))) {
            throw new ApiException(ErrorCodes.FLOW_TYPE, at + ".FlowType must be plain text of at most 200 characters.");
        }
        if (info.flowDescription() != null && (info.flowDescription().length() > 1000
                || !TextRules.isPlainText(info.flowDescription()))) {
            throw new ApiException(ErrorCodes.FLOW_DESCRIPTION, at + ".FlowDescription must be plain text of at most "
                    + "1000 characters.");
        }
        deadline(at, info.deadline(), now);
        if (!TextRules.isBlank(info.callbackUrl())) {
            String refusal = callbackAddresses.refusal(info.callbackUrl().trim());
            if (refusal != null) {
                throw new ApiException(ErrorCodes.FLOW_CALLBACK_URL, at + ".CallbackUrl " + refusal + ".");
            }
        }
        if (info.userData() != null && (info.userData().length() > 20480 || !TextRules.isBase64(info.userData()))) {
            throw new ApiException(ErrorCodes.FLOW_USER_DATA, at + ".UserData must be base64 of at most 20480 characters.");
        }
        if (info.flowDisplayType() != null && (info.flowDisplayType() < 0 || info.flowDisplayType() > 3)) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ".FlowDisplayType must be 0 to 3.");
        }
        if (!TextRules.isBlank(info.templateId())) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ".TemplateId: this action creates contracts from "
                    + "files; give FileIds.");
        }
        List<String> fileIds = info.fileIds() == null ? List.of()
                : info.fileIds().stream().filter(Objects::nonNull).filter(id -> !id.isBlank()).toList();
        if (fileIds.isEmpty()) {
            throw new ApiException(ErrorCodes.MISSING_RESOURCE_ID, at + ".FileIds: give the FileId of the uploaded PDF.");
        }
        if (info.fileIds().size() > 1) {
            throw new ApiException(ErrorCodes.MANY_RESOURCE_ID, at + ".FileIds: a sub-contract is made of exactly one "
                    + "file.");
        }
        if (info.approvers() == null || info.approvers().isEmpty()) {
            throw new ApiException(ErrorCodes.MISSING_FLOW_APPROVER, at + ".Approvers: a sub-contract needs at least "
                    + "one signer.");
        }
        if (info.approvers().size() > MAX_APPROVERS) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ".Approvers: at most " + MAX_APPROVERS + " signers.");
        }
    }

    static Instant deadline(String at, Long deadline, Instant now) {
        if (deadline == null || deadline == 0) {
            return now.plus(DEFAULT_DEADLINE);
        }
        // compared as numbers first: a value beyond Instant's range (Long.MAX_VALUE) cannot become an Instant
        if (deadline <= now.getEpochSecond()) {
            throw new ApiException(ErrorCodes.FLOW_DEADLINE, at + ".Deadline " + deadline + " has passed; give a "
                    + "future time in Unix seconds.");
        }
        if (deadline > now.plus(MAX_DEADLINE).getEpochSecond()) {
            throw new ApiException(ErrorCodes.FLOW_DEADLINE, at + ".Deadline " + deadline + " is more than ten years "
                    + "away; it is in Unix seconds, not milliseconds.");
        }
        return Instant.ofEpochSecond(deadline);
    }

    private FlowGroupDraft.Flow flow(String at, FlowGroupInfo info, ActingParty acting, UsableDocument file,
                                     Instant now) {
        List<FlowGroupDraft.Approver> drafts = new ArrayList<>();
        Set<String> signers = new HashSet<>();
        ComponentPlacement.Placer placer = placement.on(file);
        for (int j = 0; j < info.approvers().size(); j++) {
            String where = at + ".Approvers[" + j + "]";
            FlowGroupDraft.Approver approver = approvers.check(where, info.approvers().get(j), j, acting, info,
                    placer);
            if (!approver.dynamic() && !signers.add(signerKey(approver))) {
                throw new ApiException(ErrorCodes.APPROVER_REPEAT, where + " is the same signer as an earlier one in "
                        + "this sub-contract.");
            }
            drafts.add(approver);
        }
        List<FlowGroupDraft.Component> initiator = new ArrayList<>();
        if (info.components() != null) {
            for (int k = 0; k < info.components().size(); k++) {
                String where = at + ".Components[" + k + "]";
                for (FlowGroupDraft.Component component : placer.check(where, info.components().get(k),
                        Role.INITIATOR_FILL)) {
                    for (String image : uploadedImages(component)) {
                        documents.requireImage(acting.organization(), image, where + ".ComponentValue");
                    }
                    initiator.add(component);
                }
            }
        }
        requireUniqueComponentIds(at, drafts, initiator);
        List<FlowGroupDraft.CopiedParty> copied = CopiedPartyRules.check(at, info.ccInfos(), drafts);
        return new FlowGroupDraft.Flow(Ids.next(), info.flowName(), info.flowType(), info.flowDescription(),
                file.file().id(), deadline(at, info.deadline(), now), Boolean.TRUE.equals(info.unordered()),
                info.userData(), TextRules.isBlank(info.callbackUrl()) ? null : info.callbackUrl().trim(),
                info.flowDisplayType() == null ? 0 : info.flowDisplayType().intValue(), drafts, initiator,
                Boolean.TRUE.equals(info.needSignReview()), copied,
                CopiedPartyRules.moment(at, info.ccNotifyType()));
    }

    /** The FileIds of uploaded images an initiator's control names: a FILL_IMAGE's one, an ATTACHMENT's list. */
    private static List<String> uploadedImages(FlowGroupDraft.Component component) {
        return switch (component.type()) {
            case "FILL_IMAGE" -> component.value() == null ? List.of() : List.of(component.value());
            case "ATTACHMENT" -> AttachmentValue.ids(component.value());
            default -> List.of();
        };
    }

    /** Same signer (reference section 7): same kind, organization, name and mobile. */
    private static String signerKey(FlowGroupDraft.Approver a) {
        String kind = a.type() == ApproverType.ENTERPRISE_AUTO ? "AUTO" : a.type().isEnterprise() ? "ORG" : "PERSON";
        return String.join("\u0000", kind, Objects.toString(a.organizationName(), ""), Objects.toString(a.name(), ""),
                Objects.toString(a.mobile(), ""));
    }

    private static void requireUniqueComponentIds(String at, List<FlowGroupDraft.Approver> approvers,
                                                  List<FlowGroupDraft.Component> initiator) {
        Set<String> seen = new HashSet<>();
        Stream.concat(approvers.stream().flatMap(a -> Stream.concat(a.signComponents().stream(),
                        a.fillComponents().stream())), initiator.stream())
                .map(FlowGroupDraft.Component::componentId).filter(Objects::nonNull)
                .forEach(id -> {
                    if (!seen.add(id)) {
                        throw new ApiException(ErrorCodes.SIGN_COMPONENTS, at + ": ComponentId " + id
                                + " is used twice in this file.");
                    }
                });
    }

    private static String option(String value, String defaultValue) {
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    private static String notifyOption(String field, String value) {
        String normalized = option(value, "sms").toLowerCase(Locale.ROOT);
        if (!normalized.equals("sms") && !normalized.equals("none")) {
            throw new ApiException(ErrorCodes.NOTIFY_TYPE, "FlowGroupOptions." + field + " must be sms or none.");
        }
        return normalized;
    }
}
