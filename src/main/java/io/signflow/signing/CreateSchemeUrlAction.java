package io.signflow.signing;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.flowgroup.FlowAccess;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateSchemeUrl: in ESS a mini-program link; here the signer page, which works in any phone
 * browser. With FlowGroupId (or a FlowId of the group) and the signer's identity or RecipientId it
 * returns that signer's link to the whole group. EndPoint APP and dynamic-signer claims
 * (FlowGroupUrlInfo) belong to the mini program and are not offered.
 */
@Component
class CreateSchemeUrlAction implements ApiAction<CreateSchemeUrlAction.Request> {

    private final ActingPartyResolver actingParties;
    private final FlowGroupRepository groups;
    private final FlowAccess access;
    private final SignerLookup lookup;
    private final SignLinks links;

    public CreateSchemeUrlAction(ActingPartyResolver actingParties, FlowGroupRepository groups, FlowAccess access,
                                 SignerLookup lookup, SignLinks links) {
        this.actingParties = actingParties;
        this.groups = groups;
        this.access = access;
        this.lookup = lookup;
        this.links = links;
    }

    public record Request(@NotNull @Valid UserInfo operator, String organizationName, String name, String mobile,
                          String idCardType, String idCardNumber, String endPoint, String flowId, String flowGroupId,
                          Long pathType, Boolean autoJumpBack, Agent agent, List<Long> hides, String recipientId,
                          Object flowGroupUrlInfo, String urlUseEnv) {
    }

    public record Response(String schemeUrl, String schemeQrcodeUrl) {
    }

    @Override
    public String name() {
        return "CreateSchemeUrl";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        String endPoint = request.endPoint() == null || request.endPoint().isBlank() ? "HTTP" : request.endPoint();
        if (endPoint.equals("APP") && (request.pathType() == null || request.pathType() == 0 || request.pathType() == 2)) {
            throw new ApiException(ErrorCodes.NO_SUPPORT_JUMP_PAGE, "EndPoint APP cannot open the home or list page.");
        }
        if (!endPoint.equals("HTTP") && !endPoint.equals("HTTP_SHORT_URL")) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, "EndPoint " + endPoint
                    + ": there is no mini program; use HTTP for the signer page.");
        }
        if (request.flowGroupUrlInfo() != null) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, "FlowGroupUrlInfo: dynamic signers are named "
                    + "through CreateFlowApprovers.");
        }
        boolean byGroup = request.flowGroupId() != null && !request.flowGroupId().isBlank();
        if (!byGroup && (request.flowId() == null || request.flowId().isBlank())) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "Give FlowGroupId (or FlowId) to link to a group's contracts.");
        }
        FlowGroupSummary group = (byGroup ? access.visibleGroup(acting.organization(), request.flowGroupId())
                : access.visibleGroupOfFlow(acting.organization(), request.flowId()))
                .orElseThrow(() -> new ApiException(ErrorCodes.FLOW_NOT_FOUND, "The contract group does not exist."));
        SignerLookup.Wanted wanted = new SignerLookup.Wanted(request.organizationName() == null ? 1L : 0L,
                request.organizationName(), request.name(), request.mobile(), request.recipientId(), null);
        List<String> flowIds = byGroup ? groups.flowIds(group.id()) : List.of(request.flowId());
        FlowApprover approver = flowIds.stream().map(flowId -> lookup.match(flowId, wanted)).flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new ApiException(ErrorCodes.RESOURCE_NOT_FOUND_GENERIC,
                        "No signer of the group matches the name, mobile and organization given."));
        return new Response(links.issue(lookup.signerOf(approver)).url(), null);
    }
}
