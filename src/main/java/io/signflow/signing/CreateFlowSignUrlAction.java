package io.signflow.signing;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.flowgroup.FlowAccess;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateFlowSignUrl: a signing link for named signers of a contract. A contract belongs to a group,
 * so the link opens the signer's page for all their contracts of the group. Links from here work for
 * {@code signflow.signing.sign-url-ttl} (30 minutes, as in ESS).
 */
@Component
class CreateFlowSignUrlAction implements ApiAction<CreateFlowSignUrlAction.Request> {

    private final ActingPartyResolver actingParties;
    private final FlowAccess access;
    private final FlowProgress progress;
    private final SignerLookup lookup;
    private final SignLinks links;
    private final SigningProperties properties;

    public CreateFlowSignUrlAction(ActingPartyResolver actingParties, FlowAccess access,
                                   FlowProgress progress, SignerLookup lookup, SignLinks links,
                                   SigningProperties properties) {
        this.actingParties = actingParties;
        this.access = access;
        this.progress = progress;
        this.lookup = lookup;
        this.links = links;
        this.properties = properties;
    }

    public record Request(@NotNull String flowId, @NotNull @Valid UserInfo operator, Agent agent,
                          @NotNull List<@NotNull FlowCreateApprover> flowApproverInfos, Object organization,
                          String jumpUrl, Long urlType) {
    }

    /** The SDK's FlowCreateApprover; only the fields that identify a signer matter here. */
    public record FlowCreateApprover(Long approverType, String organizationName, String approverName,
                                     String approverMobile, String approverIdCardType, String approverIdCardNumber,
                                     String recipientId, List<String> verifyChannel, String notifyType,
                                     Boolean isFullText, Long preReadTime, String userId, Boolean required,
                                     String approverSource, String customApproverTag, Object registerInfo,
                                     Object approverOption, String jumpUrl, String signId,
                                     Boolean approverNeedSignReview, List<Object> signComponents,
                                     List<Object> components, List<String> componentLimitType,
                                     List<Long> approverVerifyTypes, List<Long> approverSignTypes,
                                     Long signTypeSelector, Long deadline, Object intention,
                                     List<String> signEndpoints) {
    }

    public record Response(List<FlowApproverUrlInfo> flowApproverUrlInfos) {
    }

    public record FlowApproverUrlInfo(String signUrl, long approverType, String approverName, String approverMobile,
                                      String longUrl) {
    }

    @Override
    public String name() {
        return "CreateFlowSignUrl";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        if (request.urlType() != null && request.urlType() != 0) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "UrlType: only signing links (0) are offered.");
        }
        access.visibleGroupOfFlow(acting.organization(), request.flowId())
                .orElseThrow(() -> new ApiException(ErrorCodes.FLOW_NOT_FOUND, "The contract " + request.flowId()
                        + " does not exist."));
        if (FlowStatus.isTerminal(progress.status(request.flowId()))) {
            throw new ApiException(ErrorCodes.FLOW_HAS_TERMINATED, "The contract has ended; there is nothing to sign.");
        }
        if (request.flowApproverInfos().isEmpty()) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "FlowApproverInfos: name the signers.");
        }
        List<FlowApproverUrlInfo> urls = new ArrayList<>();
        for (FlowCreateApprover wanted : request.flowApproverInfos()) {
            FlowApprover approver = lookup.find(request.flowId(), new SignerLookup.Wanted(wanted.approverType(),
                    wanted.organizationName(), wanted.approverName(), wanted.approverMobile(), wanted.recipientId(),
                    wanted.signId()));
            String url = links.issue(lookup.signerOf(approver), properties.signUrlTtl()).url();
            urls.add(new FlowApproverUrlInfo(url, approver.approverType(), approver.name(), approver.mobile(), url));
        }
        return new Response(urls);
    }
}
