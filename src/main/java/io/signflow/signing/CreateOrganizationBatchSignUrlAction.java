package io.signflow.signing;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.common.Texts;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.Employee;
import io.signflow.tenant.EmployeeRepository;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateOrganizationBatchSignUrl: an enterprise signer's link to their contracts of a group
 * ({@link BatchLinkTargets}), valid {@code signflow.signing.organization-sign-url-ttl} (7 days, ESS's
 * default). As ESS has it, the calling organization's own employee is named by UserId, or by Name and
 * Mobile, in a group it sent or one where that employee signs; another organization's signer of a group
 * it sent by RecipientIds, one per contract of FlowIds. The link opens
 * the same signer page as every other link; the employee applies their organization's seal there.
 */
@Component
class CreateOrganizationBatchSignUrlAction implements ApiAction<CreateOrganizationBatchSignUrlAction.Request> {

    private final ActingPartyResolver actingParties;
    private final EmployeeRepository employees;
    private final BatchLinkTargets targets;
    private final SignLinks links;
    private final SigningProperties properties;

    CreateOrganizationBatchSignUrlAction(ActingPartyResolver actingParties, EmployeeRepository employees,
                                         BatchLinkTargets targets, SignLinks links, SigningProperties properties) {
        this.actingParties = actingParties;
        this.employees = employees;
        this.targets = targets;
        this.links = links;
        this.properties = properties;
    }

    public record Request(@NotNull @Valid UserInfo operator, List<String> flowIds, Agent agent, String userId,
                          String name, String mobile, List<String> recipientIds, String flowGroupId,
                          Boolean canBatchReject, Object dynamicSignOption) {
    }

    public record Response(String signUrl, long expiredTime) {
    }

    @Override
    public String name() {
        return "CreateOrganizationBatchSignUrl";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        if (request.dynamicSignOption() != null) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, "DynamicSignOption: dynamic signers are named "
                    + "through CreateFlowApprovers, not claimed through a link.");
        }
        boolean byRecipients = request.recipientIds() != null && !request.recipientIds().isEmpty();
        SignerLookup.Wanted employee = byRecipients ? null : employee(acting, request);
        BatchLinkTargets.Target target = targets.resolve(acting.organization(), new BatchLinkTargets.Wanted(
                request.flowGroupId(), request.flowIds(), request.recipientIds(), employee, !byRecipients));
        if (!target.approver().type().isEnterprise()) {
            throw new ApiException(ErrorCodes.RESOURCE_NOT_FOUND_GENERIC, "RecipientIds name a person, who signs "
                    + "for themselves; their link comes from CreateBatchQuickSignUrl.");
        }
        SignLinks.IssuedLink link = links.issue(target.signerId(), properties.organizationSignUrlTtl());
        return new Response(link.url(), link.expiresAt().toEpochSecond());
    }

    /** The calling organization's employee, by UserId (which wins) or by Name and Mobile. */
    private SignerLookup.Wanted employee(ActingParty acting, Request request) {
        String organization = acting.organization().name();
        String userId = Texts.blankToNull(request.userId());
        if (userId != null) {
            Employee employee = employees.find(userId)
                    .filter(e -> e.organizationId().equals(acting.organization().id()))
                    .orElseThrow(() -> new ApiException(ErrorCodes.USER_NOT_FOUND, "UserId " + userId
                            + " is not an employee of " + organization + "."));
            return new SignerLookup.Wanted(0L, organization, employee.name(), employee.mobile(), null, null);
        }
        String name = Texts.blankToNull(request.name());
        String mobile = Texts.blankToNull(request.mobile());
        if (name == null || mobile == null) {
            throw new ApiException(ErrorCodes.MISSING_USER_ID, "Name the employee by UserId, or by Name and Mobile "
                    + "(another organization's signer: RecipientIds).");
        }
        return new SignerLookup.Wanted(0L, organization, name, mobile, null, null);
    }
}
