package io.signflow.tenant;

import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import org.springframework.stereotype.Component;

/**
 * Resolves Operator and Agent into the party an API call acts as, refusing what the reference refuses:
 * an operator outside the key's organization, unverified or without API permission, and an Agent
 * naming anything but one of the operator organization's own sub-organizations. An organization
 * outside the operator's group is reported exactly like one that does not exist.
 * <p>
 * An API key belongs to one organization. A group enterprise's key also serves the employees of its
 * sub-organizations, each acting for their own organization: the group runs the integration for its
 * members. A sub-organization's key serves only its own employees.
 */
@Component
public class ActingPartyResolver {

    private final OrganizationRepository organizations;

    public ActingPartyResolver(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    public ActingParty resolve(ApiCaller caller, UserInfo operator, Agent agent) {
        if (operator == null) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "The parameter Operator is required.");
        }
        return resolve(caller, operator.userId(), agent);
    }

    public ActingParty resolve(ApiCaller caller, String operatorUserId, Agent agent) {
        OrganizationRepository.Employment employment =
                organizations.employment(operatorUserId == null ? "" : operatorUserId).orElse(null);
        Employee employee = employment == null ? null : employment.employee();
        Organization own = employment == null ? null : employment.organization();
        if (own == null || !own.id().equals(caller.organizationId()) && !caller.organizationId().equals(own.parentId())) {
            throw new ApiException(ErrorCodes.USER_NOT_FOUND,
                    "The operator " + operatorUserId + " is not an employee of the calling organization.");
        }
        if (!employee.verified()) {
            throw new ApiException(ErrorCodes.USER_NOT_VERIFIED, "The operator has not completed identity verification.");
        }
        if (!employee.apiEnabled()) {
            throw new ApiException(ErrorCodes.UNAUTHORIZED_OPERATION, "The operator has no permission to call the API.");
        }
        requireActivated(own);
        if (agent == null || !agent.proxies() || agent.proxyOrganizationId().equals(own.id())) {
            return new ActingParty(employee, own, own);
        }
        Organization proxied = organizations.find(agent.proxyOrganizationId())
                .orElseThrow(ActingPartyResolver::unknownProxy);
        if (proxied.isSubOrganizationOf(own)) {
            requireActivated(proxied);
            return new ActingParty(employee, own, proxied);
        }
        if (own.isSubOrganizationOf(proxied)) {
            throw new ApiException(ErrorCodes.BRANCH_TO_PARENT,
                    "A sub-organization cannot act for its group enterprise.");
        }
        if (own.groupRootId().equals(proxied.groupRootId())) {
            throw new ApiException(ErrorCodes.SUB_ORG_NOT_JOIN,
                    "Agent.ProxyOrganizationId is not a sub-organization of the operator's organization.");
        }
        throw unknownProxy();
    }

    private static void requireActivated(Organization organization) {
        if (!organization.activated()) {
            throw new ApiException(ErrorCodes.ORGANIZATION_NOT_ACTIVATED,
                    "The organization " + organization.name() + " is not activated.");
        }
    }

    private static ApiException unknownProxy() {
        return new ApiException(ErrorCodes.ORGANIZATION_NOT_FOUND, "Agent.ProxyOrganizationId names no organization.");
    }
}
