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

    /** The seals the signer may choose from: empty when they cannot choose (not registered here). */
    public List<Seal> options(String organizationName, String mobile) {
        return organizations.findByName(organizationName)
                .filter(org -> employees.findByMobile(org.id(), mobile).isPresent())
                .map(org -> seals.ofOrganization(org.id())).orElse(List.of());
    }

    public Choice choose(String organizationName, String mobile, String requestedSealId, Set<String> restrictions) {
        Organization org = organizations.findByName(organizationName).orElse(null);
        if (org == null) {
            return new Choice(null, renderer.render(organizationName, "合同专用章"));
        }
        if (employees.findByMobile(org.id(), mobile).isEmpty()) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "Only employees of " + organizationName
                    + " may apply its seal. Ask its administrator to register you with this mobile number.");
        }
        if (restrictions.size() > 1) {
            throw RequestRejected.conflict("Your contracts require different seals; sign them one group at a time.");
        }
        String required = restrictions.isEmpty() ? null : restrictions.iterator().next();
        List<Seal> own = seals.ofOrganization(org.id());
        String chosen = requestedSealId != null ? requestedSealId : required != null ? required
                : own.size() == 1 ? own.get(0).id() : null;
        if (chosen == null && own.isEmpty()) {
            return new Choice(tenants.createSeal(null, org.id(), "合同专用章", "CONTRACT", false).id(), null);
        }
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
        return new Choice(pick, null);
    }
}
