package io.signflow.flowgroup;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names a dynamic signer (ApproverOption.FillType 1) of a contract, checked as at creation: a person
 * with a real name and a mainland mobile, an enterprise signer also with an organization — the one
 * fixed at creation, if any — who is neither another signer nor a copied party of the contract. Everything is checked before anything is written, so a refused fill
 * changes nothing — which is why its refusal does not doom the caller's transaction: the other items
 * of the request still go through. The caller holds the contract's lock.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = ApiException.class)
class DynamicSignerFilling {

    private final FlowProgress progress;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final CopiedParties copiedParties;

    public DynamicSignerFilling(FlowProgress progress, AuditTrail audit, JdbcClient jdbc, CopiedParties copiedParties) {
        this.progress = progress;
        this.audit = audit;
        this.jdbc = jdbc;
        this.copiedParties = copiedParties;
    }

    /** Who fills a slot. */
    public record Filler(String recipientId, String organizationName, String name, String mobile, String idCardType,
                         String idCardNumber) {
    }

    public void fill(String at, String groupId, String flowId, Filler filler, String operatorUserId, String clientIp) {
        if (FlowStatus.isTerminal(progress.status(flowId))) {
            throw new ApiException(ErrorCodes.FLOW_HAS_TERMINATED, at + ": the contract " + flowId + " has ended.");
        }
        List<FlowApprover> approvers = progress.approvers(flowId);
        FlowApprover slot = approvers.stream().filter(a -> a.recipientId().equals(filler.recipientId())).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCodes.FLOW_APPROVER_NOT_FOUND, at + ": the contract "
                        + flowId + " has no signer " + filler.recipientId() + "."));
        if (!slot.dynamic() || slot.status() != ApproveStatus.NOT_STARTED) {
            throw new ApiException(ErrorCodes.FLOW_STATUS_FORBID, at + ": the signer " + filler.recipientId()
                    + (slot.dynamic() ? " has been named already." : " is not a dynamic signer."));
        }
        if (TextRules.isBlank(filler.name())) {
            throw new ApiException(ErrorCodes.MISSING_APPROVER_NAME, at + ".ApproverName is required.");
        }
        IdentityRules.name(at, filler.name().trim());
        if (TextRules.isBlank(filler.mobile())) {
            throw new ApiException(ErrorCodes.MISSING_APPROVER_MOBILE, at + ".ApproverMobile is required.");
        }
        IdentityRules.mobile(at, filler.mobile().trim());
        String organization = organization(at, slot, filler.organizationName());
        IdentityRules.IdCard idCard = IdentityRules.idCard(at, filler.idCardType(), filler.idCardNumber());
        boolean repeated = approvers.stream().anyMatch(a -> !a.recipientId().equals(slot.recipientId())
                && a.type().isEnterprise() == slot.type().isEnterprise() && !a.type().isAutomatic()
                && Objects.equals(a.organizationName(), organization) && filler.name().trim().equals(a.name())
                && filler.mobile().trim().equals(a.mobile()));
        if (repeated) {
            throw new ApiException(ErrorCodes.APPROVER_REPEAT, at + ": this person already signs the contract " + flowId + ".");
        }
        // as CopiedPartyRules refuses at creation: a signer sees the contract already
        if (copiedParties.ofFlows(List.of(flowId)).stream().anyMatch(c -> c.mobile().equals(filler.mobile().trim()))) {
            throw new ApiException(ErrorCodes.CC_USER_REPEAT, at + ".ApproverMobile is a copied party's of the contract "
                    + flowId + "; a copied party cannot also sign it.");
        }
        requireSealRestrictionsOf(at, slot.recipientId(), organization);
        boolean named = progress.fill(flowId, slot.recipientId(), organization, filler.name().trim(),
                filler.mobile().trim(), idCard == null ? null : idCard.type(), idCard == null ? null : idCard.number());
        if (!named) {
            // the update names only a slot still unnamed: under the caller's lock it finds the one checked
            // above, and a filler who came without the lock is refused rather than naming it twice
            throw new ApiException(ErrorCodes.FLOW_STATUS_FORBID, at + ": the signer " + filler.recipientId()
                    + " has been named already.");
        }
        audit.record(groupId, flowId, AuditEvent.FILLED, AuditTrail.operator(operatorUserId), clientIp,
                "signer " + slot.recipientId() + " named");
    }

    /** A seal the initiator required on this slot's SIGN_SEAL must belong to the organization now named. */
    private void requireSealRestrictionsOf(String at, String recipientId, String organization) {
        long foreign = jdbc.sql("select count(*) from component c join seal s on s.id = c.component_value "
                        + "join organization o on o.id = s.organization_id where c.recipient_id = ? "
                        + "and c.component_type = 'SIGN_SEAL' and o.name <> ?")
                .params(recipientId, organization == null ? "" : organization).query(Long.class).single();
        if (foreign > 0) {
            throw new ApiException(ErrorCodes.SEAL_ID, at + ": the contract requires a seal of another organization "
                    + "than " + organization + " here.");
        }
    }

    private static String organization(String at, FlowApprover slot, String given) {
        if (!slot.type().isEnterprise()) {
            if (!TextRules.isBlank(given)) {
                throw new ApiException(ErrorCodes.INDIVIDUAL_HAS_ORGANIZATION, at + ": a person signs for themselves; "
                        + "leave OrganizationName out.");
            }
            return null;
        }
        String organization = TextRules.isBlank(given) ? slot.organizationName() : IdentityRules.organization(at, given);
        if (organization == null) {
            throw new ApiException(ErrorCodes.MISSING_APPROVER_ORGANIZATION, at + ".OrganizationName is required for an "
                    + "enterprise signer.");
        }
        if (slot.organizationName() != null && !slot.organizationName().equals(organization)) {
            throw new ApiException(ErrorCodes.ORGANIZATION_NAME, at + ".OrganizationName must be "
                    + slot.organizationName() + ", as the contract was created.");
        }
        return organization;
    }
}
