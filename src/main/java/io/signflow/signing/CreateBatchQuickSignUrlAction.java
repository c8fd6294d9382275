package io.signflow.signing;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.common.Texts;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateBatchQuickSignUrl: a person's or an enterprise signer's link to their contracts of a group
 * ({@link BatchLinkTargets}), valid {@code signflow.signing.sign-url-ttl} (30 minutes, as ESS says). The
 * link opens the signer page, which signs them all with one code; once the signer has nothing left to
 * do the page offers the JumpUrl. Signatures are handwritten and identity is proved by a code to the
 * contract's mobile (decisions.md), so SignatureTypes must allow handwriting (0) and ApproverSignTypes
 * are accepted but verified that way; video intention checks and dynamic claims are not offered.
 */
@Component
class CreateBatchQuickSignUrlAction implements ApiAction<CreateBatchQuickSignUrlAction.Request> {

    private static final Set<Long> SIGNATURE_TYPES = Set.of(0L, 1L, 2L, 3L, 4L);
    private static final long HANDWRITTEN = 0L;
    private static final Set<Long> APPROVER_SIGN_TYPES = Set.of(1L, 2L, 3L);
    private final ActingPartyResolver actingParties;
    private final BatchLinkTargets targets;
    private final SignLinks links;
    private final SigningProperties properties;

    CreateBatchQuickSignUrlAction(ActingPartyResolver actingParties, BatchLinkTargets targets, SignLinks links,
                                  SigningProperties properties) {
        this.actingParties = actingParties;
        this.targets = targets;
        this.links = links;
        this.properties = properties;
    }

    public record Request(CreateFlowSignUrlAction.FlowCreateApprover flowApproverInfo, Agent agent,
                          @NotNull @Valid UserInfo operator, List<String> flowIds, String flowGroupId, String jumpUrl,
                          List<Long> signatureTypes, List<Long> approverSignTypes, Long signTypeSelector,
                          FlowBatchUrlInfo flowBatchUrlInfo, Object intention, Boolean cacheApproverInfo,
                          Boolean canBatchReject, Object presetApproverInfo, Long videoVerifyTimesLimit,
                          Boolean canSkipReadFlow) {
    }

    /** The SDK's FlowBatchUrlInfo: contracts and the signer's RecipientId in each. */
    public record FlowBatchUrlInfo(List<FlowBatchApproverInfo> flowBatchApproverInfos) {
    }

    public record FlowBatchApproverInfo(String flowId, String recipientId) {
    }

    /** FlowApproverUrlInfo as the SDK has it; ExpiredTime (Unix seconds) is Signflow's addition. */
    public record Response(CreateFlowSignUrlAction.FlowApproverUrlInfo flowApproverUrlInfo, long expiredTime) {
    }

    @Override
    public String name() {
        return "CreateBatchQuickSignUrl";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        if (request.flowApproverInfo() == null) {
            throw new ApiException(ErrorCodes.MISSING_FLOW_APPROVER, "FlowApproverInfo: name the signer.");
        }
        String jumpUrl = jumpUrl(request.jumpUrl());
        codes("ApproverSignTypes", request.approverSignTypes(), APPROVER_SIGN_TYPES);
        codes("SignatureTypes", request.signatureTypes(), SIGNATURE_TYPES);
        if (request.intention() != null) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, "Intention: video intention checks are not "
                    + "offered; signers prove their mobile with a one-time code.");
        }
        if (request.presetApproverInfo() != null) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, "PresetApproverInfo: dynamic signers are named "
                    + "through CreateFlowApprovers, not claimed through a link.");
        }
        BatchLinkTargets.Wanted wanted = wanted(request);
        BatchLinkTargets.Target target = targets.resolve(acting.organization(), wanted);
        if (!target.approver().type().isEnterprise() && request.signatureTypes() != null
                && !request.signatureTypes().isEmpty() && !request.signatureTypes().contains(HANDWRITTEN)) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, "SignatureTypes: signers sign by hand (0); "
                    + "OCR, name and picture seals and system signatures are not offered.");
        }
        SignLinks.IssuedLink link = links.issue(target.signerId(), properties.signUrlTtl(), jumpUrl);
        return new Response(new CreateFlowSignUrlAction.FlowApproverUrlInfo(link.url(),
                target.approver().approverType(), target.approver().name(), target.approver().mobile(), link.url()),
                link.expiresAt().toEpochSecond());
    }

    private static BatchLinkTargets.Wanted wanted(Request request) {
        CreateFlowSignUrlAction.FlowCreateApprover signer = request.flowApproverInfo();
        String recipientId = Texts.blankToNull(signer.recipientId());
        String signId = Texts.blankToNull(signer.signId());
        SignerLookup.Wanted identity = recipientId != null || signId != null
                ? new SignerLookup.Wanted(null, null, null, null, recipientId, signId) : identity(signer);
        List<FlowBatchApproverInfo> pairs = request.flowBatchUrlInfo() == null
                || request.flowBatchUrlInfo().flowBatchApproverInfos() == null ? List.of()
                : request.flowBatchUrlInfo().flowBatchApproverInfos();
        if (!pairs.isEmpty()) {
            if (request.flowIds() != null && !request.flowIds().isEmpty() || request.flowGroupId() != null) {
                throw new ApiException(ErrorCodes.PARAM_ERROR, "FlowBatchUrlInfo names the contracts itself; leave "
                        + "FlowIds and FlowGroupId out.");
            }
            return new BatchLinkTargets.Wanted(null, pairs.stream().map(FlowBatchApproverInfo::flowId).toList(),
                    pairs.stream().map(FlowBatchApproverInfo::recipientId).toList(), identity, false);
        }
        return new BatchLinkTargets.Wanted(request.flowGroupId(), request.flowIds(), List.of(), identity, false);
    }

    /** Type, name, mobile and (for an enterprise signer) organization: what a contract names its signer by. */
    private static SignerLookup.Wanted identity(CreateFlowSignUrlAction.FlowCreateApprover signer) {
        Long type = signer.approverType();
        if (type == null || type != 0 && type != 1) {
            throw new ApiException(ErrorCodes.APPROVER_TYPE, "FlowApproverInfo.ApproverType must be 0 (enterprise) or "
                    + "1 (person).");
        }
        String name = Texts.blankToNull(signer.approverName());
        if (name == null) {
            throw new ApiException(ErrorCodes.MISSING_APPROVER_NAME, "FlowApproverInfo.ApproverName is required.");
        }
        String mobile = Texts.blankToNull(signer.approverMobile());
        if (mobile == null) {
            throw new ApiException(ErrorCodes.MISSING_APPROVER_MOBILE, "FlowApproverInfo.ApproverMobile is required: "
                    + "signers prove who they are with a code sent to it.");
        }
        String organization = Texts.blankToNull(signer.organizationName());
        if (type == 0 && organization == null) {
            throw new ApiException(ErrorCodes.MISSING_APPROVER_ORGANIZATION, "FlowApproverInfo.OrganizationName is "
                    + "required for an enterprise signer.");
        }
        return new SignerLookup.Wanted(type, organization, name, mobile, null, null);
    }

    /** http(s), at most 1000 characters, as ESS allows; null when not given. */
    static String jumpUrl(String jumpUrl) {
        String url = Texts.blankToNull(jumpUrl);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() <= 1000 && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new ApiException(ErrorCodes.JUMP_URL, "JumpUrl must be an http:// or https:// address of at most 1000 "
                + "characters.");
    }

    private static void codes(String field, List<Long> values, Set<Long> allowed) {
        if (values != null && values.stream().anyMatch(v -> v == null || !allowed.contains(v))) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, field + " may hold only " + allowed + ".");
        }
    }
}
