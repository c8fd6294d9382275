package io.signflow.signing;

import io.signflow.common.RequestRejected;
import io.signflow.tenant.Organization;
import io.signflow.tenant.OrganizationRepository;
import io.signflow.tenant.EmployeeRepository;
import io.signflow.tenant.Seal;
import io.signflow.tenant.SealImageRenderer;
import io.signflow.tenant.SealRepository;
import io.signflow.tenant.TenantService;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Which seal an enterprise signer applies. An organization registered here seals with its own seals,
 * and only its employees (by mobile number) may apply them; one with no seal yet gets one drawn from
 * its name and kept. For an organization not registered here the seal is drawn from the name in the
 * contract. A seal id the initiator put on a SIGN_SEAL control is the only seal allowed there.
 * SIGN_LEGAL_PERSON_SEAL controls take the organization's legal representative's seal and SIGN_SEAL
 * controls any other: a representative's seal cannot be drawn from a name the contract does not hold,
 * so an organization must have registered one.
 */
@Component
class SealChooser {

    private final OrganizationRepository organizations;
    private final EmployeeRepository employees;
    private final SealRepository seals;
    private final TenantService tenants;
    private final SealImageRenderer renderer;

    public SealChooser(OrganizationRepository organizations, EmployeeRepository employees, SealRepository seals,
                       TenantService tenants, SealImageRenderer renderer) {
        this.organizations = organizations;
        this.employees = employees;
        this.seals = seals;
        this.tenants = tenants;
        this.renderer = renderer;
    }

    /** A registered seal, or the picture of one drawn for an organization not registered here. */
    public record Choice(String sealId, byte[] drawnPng) {
    }

    /**
     * The seals the signer may choose from for SIGN_SEAL controls ({@code legalPerson} false) or for
     * SIGN_LEGAL_PERSON_SEAL controls: empty when they cannot choose (not registered here).
     */
    public List<Seal> options(String organizationName, String mobile, boolean legalPerson) {
        return organizations.findByName(organizationName)
                .filter(org -> employees.findByMobile(org.id(), mobile).isPresent())
                .map(org -> ofKind(org.id(), legalPerson)).orElse(List.of());
    }

    private List<Seal> ofKind(String organizationId, boolean legalPerson) {
        return seals.ofOrganization(organizationId).stream().filter(s -> s.isLegalPersonSeal() == legalPerson).toList();
    }

    /** The legal representative's seal for the signer's SIGN_LEGAL_PERSON_SEAL controls. */
    public String chooseLegalPerson(String organizationName, String mobile, String requestedSealId,
                                    Set<String> restrictions) {
        Organization org = organizations.findByName(organizationName).orElseThrow(() -> RequestRejected.conflict(
                organizationName + " is not registered here, so its legal representative's seal is unknown; "
                        + "the contract cannot take it."));
        requireEmployee(org, organizationName, mobile);
        List<Seal> own = ofKind(org.id(), true);
        if (own.isEmpty()) {
            throw RequestRejected.conflict(organizationName + " has no legal representative's seal yet. Ask its "
                    + "administrator to add one (sealType LEGAL_PERSON_SEAL).");
        }
        return pick(organizationName, requestedSealId, restrictions, own);
    }

    public Choice choose(String organizationName, String mobile, String requestedSealId, Set<String> restrictions) {
        Organization org = organizations.findByName(organizationName).orElse(null);
        if (org == null) {
            return new Choice(null, renderer.render(organizationName, "合同专用章"));
        }
        requireEmployee(org, organizationName, mobile);
        List<Seal> own = ofKind(org.id(), false);
        if (own.isEmpty() && requestedSealId == null && restrictions.isEmpty()) {
            return new Choice(tenants.createSeal(null, org.id(), "合同专用章", "CONTRACT", false).id(), null);
        }
        return new Choice(pick(organizationName, requestedSealId, restrictions, own), null);
    }

    private void requireEmployee(Organization org, String organizationName, String mobile) {
        if (employees.findByMobile(org.id(), mobile).isEmpty()) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "Only employees of " + organizationName
                    + " may apply its seal. Ask its administrator to register you with this mobile number.");
        }
    }

    /** The seal asked for, or the one the contracts require, or the only one there is; among {@code own}. */
    private static String pick(String organizationName, String requestedSealId, Set<String> restrictions,
                               List<Seal> own) {
        if (restrictions.size() > 1) {
            throw RequestRejected.conflict("Your contracts require different seals; sign them one group at a time.");
        }
        String required = restrictions.isEmpty() ? null : restrictions.iterator().next();
        String chosen = requestedSealId != null ? requestedSealId : required != null ? required
                : own.size() == 1 ? own.get(0).id() : null;
        if (chosen == null) {
            throw RequestRejected.badRequest("Choose which of " + organizationName + "'s seals to apply.");
        }
        String pick = chosen;
        if (own.stream().noneMatch(s -> s.id().equals(pick))) {
            throw RequestRejected.badRequest("That seal is not one of " + organizationName + "'s.");
        }
        if (required != null && !required.equals(pick)) {
            throw RequestRejected.badRequest("This contract must be sealed with the seal the initiator chose.");
        }
        return pick;
    }
}
