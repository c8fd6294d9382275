package io.signflow.signing;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.flowgroup.ApproverType;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.tenant.OrganizationNames;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the signer an integrator means — by RecipientId or SignId, or by type, name, mobile and
 * organization — among a contract's approvers, and issues that signer's link to the whole group.
 */
@Component
class SignerLookup {

    private final FlowProgress progress;
    private final FlowGroupRepository groups;
    private final SignerRegistry signers;

    public SignerLookup(FlowProgress progress, FlowGroupRepository groups, SignerRegistry signers) {
        this.progress = progress;
        this.groups = groups;
        this.signers = signers;
    }

    /** Who is looked for; any of the fields may be null. */
    public record Wanted(Long approverType, String organizationName, String name, String mobile, String recipientId,
                         String signId) {
    }

    public FlowApprover find(String flowId, Wanted wanted) {
        return match(flowId, wanted).orElseThrow(() -> new ApiException(ErrorCodes.RESOURCE_NOT_FOUND_GENERIC,
                "No signer of the contract " + flowId + " matches; give RecipientId, or the signer's type, name, "
                        + "mobile and organization as created."));
    }

    /** The matching person signer of the contract; auto-signers and unnamed dynamic signers have no link. */
    public Optional<FlowApprover> match(String flowId, Wanted wanted) {
        String organization = OrganizationNames.normalize(wanted.organizationName());
        return progress.approvers(flowId).stream()
                .filter(a -> !a.type().isAutomatic() && a.name() != null)
                .filter(a -> wanted.recipientId() != null ? a.recipientId().equals(wanted.recipientId())
                        : wanted.signId() != null ? a.signId().equals(wanted.signId())
                        : matches(a, wanted.approverType(), organization, wanted.name(), wanted.mobile()))
                .findFirst();
    }

    /** The approver's signer across the group, registered on first need. */
    public String signerOf(FlowApprover approver) {
        if (approver.signerId() != null) {
            return approver.signerId();
        }
        return signers.assign(groups.findByFlow(approver.flowId()).orElseThrow().id(), approver);
    }

    private static boolean matches(FlowApprover a, Long type, String organization, String name, String mobile) {
        boolean typeMatches = type == null || ApproverType.of(type).map(t -> t.isEnterprise() == a.type().isEnterprise())
                .orElse(false);
        return typeMatches && Objects.equals(a.name(), name) && Objects.equals(a.mobile(), mobile)
                && (!a.type().isEnterprise() || organization == null || organization.equals(a.organizationName()));
    }
}
