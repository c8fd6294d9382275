package io.signflow.flowgroup;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.common.Ids;
import io.signflow.common.Texts;
import io.signflow.flowgroup.ComponentRules.Role;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.Employee;
import io.signflow.tenant.EmployeeRepository;
import io.signflow.tenant.Organization;
import io.signflow.tenant.OrganizationNames;
import io.signflow.tenant.OrganizationRepository;
import io.signflow.tenant.ResourceAccessPolicy;
import io.signflow.tenant.Seal;
import io.signflow.tenant.SealRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks one ApproverInfo and turns it into a draft approver: its type and the identity it needs,
 * contact and identity documents, options, its controls on the page, and for an auto-signer
 * (ApproverType 3) the seal the platform will apply.
 */
@Component
class ApproverValidator {

    static final String AUTO_SIGN_SCENE = "E_PRESCRIPTION_AUTO_SIGN";
    private static final Set<String> NOTIFY_TYPES = Set.of("sms", "none", "email", "all");
    private static final Set<Long> VERIFY_TYPES = Set.of(1L, 2L);
    private static final Set<Long> SIGN_TYPES = Set.of(1L, 2L, 3L, 5L, 6L);
    private static final Set<Long> DEVICE_SIGN_TYPES = Set.of(5L, 6L);
    static final long VIEW_BY_MOBILE_CODE = 2L;
    static final long SIGN_BY_MOBILE_CODE = 3L;
    /** Seal controls whose ComponentValue names the seal: a restriction, or for an auto-signer the seal to apply. */
    private static final Set<String> SEAL_VALUES = Set.of("SIGN_SEAL", "SIGN_LEGAL_PERSON_SEAL");

    private final EmployeeRepository employees;
    private final SealRepository seals;
    private final OrganizationRepository organizations;

    ApproverValidator(EmployeeRepository employees, SealRepository seals, OrganizationRepository organizations) {
        this.employees = employees;
        this.seals = seals;
        this.organizations = organizations;
    }

    FlowGroupDraft.Approver check(String at, ApproverInfo a, int signOrder, ActingParty acting, FlowGroupInfo flow,
                                  ComponentPlacement.Placer placer) {
        ApproverType type = ApproverType.of(a.approverType()).orElseThrow(() -> new ApiException(ErrorCodes.APPROVER_TYPE,
                at + ".ApproverType " + a.approverType() + " is not 0 (enterprise), 1 (person), 3 (enterprise "
                        + "auto-sign) or 7 (person auto-sign)."));
        boolean dynamic = checkFillType(at, a, type);
        if (type == ApproverType.PERSON_AUTO) {
            if (!AUTO_SIGN_SCENE.equals(flow.autoSignScene())) {
                throw new ApiException(ErrorCodes.PERSON_AUTO_SIGN_TAG, at + ": ApproverType 7 needs the flow's "
                        + "AutoSignScene " + AUTO_SIGN_SCENE + ".");
            }
            throw new ApiException(ErrorCodes.WHITE_LIST_FORBID, at + ": automatic signing for individuals "
                    + "(ApproverType 7) is not offered.");
        }
        refuseUnsupported(at, a, type);
        Identity identity = identity(at, a, type, dynamic, acting.organization());
        IdentityRules.IdCard idCard = IdentityRules.idCard(at, a.approverIdCardType(), a.approverIdCardNumber());
        String notifyType = a.notifyType() == null || a.notifyType().isBlank() ? "sms"
                : a.notifyType().trim().toLowerCase(Locale.ROOT);
        if (!NOTIFY_TYPES.contains(notifyType)) {
            throw new ApiException(ErrorCodes.NOTIFY_TYPE, at + ".NotifyType must be sms or none (newer: SMS, EMAIL, "
                    + "ALL, NONE).");
        }
        if (a.preReadTime() != null && (a.preReadTime() < 3 || a.preReadTime() > 300)) {
            throw new ApiException(ErrorCodes.PRE_READ_TIME, at + ".PreReadTime must be 3 to 300 seconds.");
        }
        if (a.approverRole() != null && (a.approverRole() < 1 || a.approverRole() > 3)) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ".ApproverRole must be 1, 2 or 3.");
        }
        String roleName = Texts.blankToNull(a.approverRoleName());
        if (roleName != null && !TextRules.isRoleName(roleName)) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ".ApproverRoleName must be 1-20 CJK characters, "
                    + "letters, digits or _.");
        }
        if (dynamic && roleName == null) {
            throw new ApiException(ErrorCodes.MISSING_APPROVER_ROLE, at + ": a dynamic signer (FillType 1) needs an "
                    + "ApproverRoleName, by which it is filled in later.");
        }
        String verifyTypes = codes(at + ".ApproverVerifyTypes", a.approverVerifyTypes(), VERIFY_TYPES);
        String signTypes = codes(at + ".ApproverSignTypes", a.approverSignTypes(), SIGN_TYPES);
        if (a.approverSignTypes() != null && !a.approverSignTypes().isEmpty()
                && DEVICE_SIGN_TYPES.containsAll(a.approverSignTypes())) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ".ApproverSignTypes cannot hold only 5 and 6.");
        }
        offeredChecks(at, a.approverVerifyTypes(), a.approverSignTypes());
        String customTag = Texts.blankToNull(a.customApproverTag());
        if (customTag != null && customTag.length() > 64) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ".CustomApproverTag must be at most 64 characters.");
        }
        List<FlowGroupDraft.Component> signComponents = signComponents(at, a, type, placer);
        List<FlowGroupDraft.Component> fillComponents = new ArrayList<>();
        if (a.components() != null && !a.components().isEmpty()) {
            if (type == ApproverType.ENTERPRISE_AUTO) {
                throw new ApiException(ErrorCodes.SERVER_SIGN_NO_ALLOW_COMPONENT, at + ": an auto-signer (ApproverType 3) "
                        + "fills nothing; remove its Components.");
            }
            for (int i = 0; i < a.components().size(); i++) {
                fillComponents.addAll(placer.check(at + ".Components[" + i + "]", a.components().get(i),
                        Role.APPROVER_FILL));
            }
        }
        if (type == ApproverType.ENTERPRISE_AUTO) {
            checkAutoSign(at, acting.organization(), identity.organizationName(), signComponents);
        } else {
            checkSealRestrictions(at, acting.organization(), identity.organizationName(), signComponents);
        }
        ApproverInfo.ApproverOption option = a.approverOption();
        return new FlowGroupDraft.Approver(Ids.next(), Ids.next(), signOrder, type, dynamic,
                identity.organizationName(), identity.name(), identity.mobile(), idCard == null ? null : idCard.type(),
                idCard == null ? null : idCard.number(),
                identity.userId(), notifyType, a.approverRole() == null ? null : a.approverRole().intValue(), roleName,
                a.preReadTime() == null ? null : a.preReadTime().intValue(),
                option != null && Boolean.TRUE.equals(option.noRefuse()),
                option != null && Boolean.TRUE.equals(option.noTransfer()), verifyTypes, signTypes, customTag,
                signComponents, fillComponents, Boolean.TRUE.equals(a.approverNeedSignReview()));
    }

    private static boolean checkFillType(String at, ApproverInfo a, ApproverType type) {
        Long fillType = a.approverOption() == null ? null : a.approverOption().fillType();
        if (fillType != null && fillType != 0 && fillType != 1) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ".ApproverOption.FillType must be 0 or 1.");
        }
        boolean dynamic = fillType != null && fillType == 1;
        if (dynamic && type == ApproverType.ENTERPRISE_AUTO) {
            throw new ApiException(ErrorCodes.APPROVER_TYPE, at + ": an auto-signer (ApproverType 3) cannot be a "
                    + "dynamic signer (FillType 1).");
        }
        return dynamic;
    }

    private static void refuseUnsupported(String at, ApproverInfo a, ApproverType type) {
        if (Boolean.TRUE.equals(a.approverNeedSignReview()) && type == ApproverType.ENTERPRISE_AUTO) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, at + ".ApproverNeedSignReview: an auto-signer "
                    + "(ApproverType 3) seals as the contract is created and cannot wait for a review.");
        }
        if (a.deadline() != null && a.deadline() != 0) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ".Deadline: a signer's own deadline is not supported "
                    + "in contract groups; use the sub-contract's Deadline.");
        }
        if (!TextRules.isBlank(a.signInstructionContent())) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ".SignInstructionContent is not supported in contract "
                    + "groups.");
        }
        if (!TextRules.isBlank(a.approverSource())) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, at + ".ApproverSource: WeCom signers are not "
                    + "offered.");
        }
    }

    private record Identity(String organizationName, String name, String mobile, String userId) {
    }

    private Identity identity(String at, ApproverInfo a, ApproverType type, boolean dynamic, Organization acting) {
        String name = Texts.blankToNull(a.approverName());
        String mobile = Texts.blankToNull(a.approverMobile());
        String organizationName = OrganizationNames.normalize(Texts.blankToNull(a.organizationName()));
        String userId = Texts.blankToNull(a.userId());
        if (dynamic && (name != null || mobile != null || userId != null)) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ": a dynamic signer (FillType 1) is named later "
                    + "through CreateFlowApprovers; leave out ApproverName, ApproverMobile and UserId.");
        }
        if (userId != null) {
            Employee employee = employees.find(userId).filter(e -> e.organizationId().equals(acting.id()))
                    .orElseThrow(() -> new ApiException(ErrorCodes.USER_NOT_FOUND, at + ".UserId " + userId
                            + " is not an employee of " + acting.name() + "."));
            if (employee.verified()) {
                name = employee.name();
                mobile = employee.mobile();
                if (type.isEnterprise() && organizationName == null) {
                    organizationName = acting.name();
                }
            }
        }
        if (type.isEnterprise()) {
            if (organizationName == null && !dynamic) {
                throw new ApiException(ErrorCodes.MISSING_APPROVER_ORGANIZATION, at + ".OrganizationName is required "
                        + "for an enterprise signer.");
            }
            if (organizationName != null) {
                IdentityRules.organization(at, organizationName);
            }
        } else if (organizationName != null) {
            throw new ApiException(ErrorCodes.INDIVIDUAL_HAS_ORGANIZATION, at + ": a person (ApproverType 1) signs "
                    + "for themselves; leave OrganizationName out.");
        }
        boolean needsPerson = !dynamic && type != ApproverType.ENTERPRISE_AUTO;
        if (name == null && needsPerson) {
            throw new ApiException(ErrorCodes.MISSING_APPROVER_NAME, at + ".ApproverName is required.");
        }
        if (name != null) {
            IdentityRules.name(at, name);
        }
        if (mobile == null && needsPerson) {
            throw new ApiException(ErrorCodes.MISSING_APPROVER_MOBILE, at + ".ApproverMobile is required.");
        }
        if (mobile != null) {
            IdentityRules.mobile(at, mobile);
        }
        return new Identity(organizationName, name, mobile, userId);
    }

    private static String codes(String at, List<Long> values, Set<Long> allowed) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        for (Long value : values) {
            if (value == null || !allowed.contains(value)) {
                throw new ApiException(ErrorCodes.PARAM_ERROR, at + " may hold only " + allowed + ".");
            }
        }
        return values.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * A signer proves who they are with a one-time code to the mobile the contract names: to view
     * (ApproverVerifyTypes 2) and to sign (ApproverSignTypes 3, the check on the mobile; Signflow checks
     * that the signer holds it, not the carrier's register). Face recognition (1), signing passwords (2)
     * and device checks (5, 6) need the signer's account with Tencent, which a self-hosted service does
     * not have; a list that leaves the signer none of the checks offered is refused.
     */
    private static void offeredChecks(String at, List<Long> verifyTypes, List<Long> signTypes) {
        if (verifyTypes != null && !verifyTypes.isEmpty() && !verifyTypes.contains(VIEW_BY_MOBILE_CODE)) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ".ApproverVerifyTypes: viewing after face "
                    + "recognition (1) is not offered; include 2, a one-time code to the signer's mobile.");
        }
        if (signTypes != null && !signTypes.isEmpty() && !signTypes.contains(SIGN_BY_MOBILE_CODE)) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, at + ".ApproverSignTypes: face recognition (1), signing "
                    + "passwords (2) and device checks (5, 6) are not offered; include 3, the check on the "
                    + "signer's mobile, which is a one-time code to it.");
        }
    }

    private static List<FlowGroupDraft.Component> signComponents(String at, ApproverInfo a, ApproverType type,
                                                                 ComponentPlacement.Placer placer) {
        if (a.signComponents() == null || a.signComponents().isEmpty()) {
            throw new ApiException(ErrorCodes.MISSING_SIGN_COMPONENT, at + ".SignComponents: every signer needs at "
                    + "least one sign control.");
        }
        List<List<FlowGroupDraft.Component>> placed = new ArrayList<>();
        for (int i = 0; i < a.signComponents().size(); i++) {
            placed.add(placer.check(at + ".SignComponents[" + i + "]", a.signComponents().get(i), Role.SIGN));
        }
        List<FlowGroupDraft.Component> components = SignCombinations.resolve(at, a.signComponents(), placed, placer);
        for (FlowGroupDraft.Component c : components) {
            signerMayHave(at + ".SignComponents", type, c);
        }
        if (components.isEmpty()) {
            // every sign control was placed by a keyword missing from the file with IgnoreKeywordError; ESS
            // still refuses a signer left with nothing to sign
            throw new ApiException(ErrorCodes.MISSING_KEYWORD, at + ".SignComponents: none of the keywords is in "
                    + "the file, which leaves this signer nothing to sign.");
        }
        return components;
    }

    /**
     * Seals are an organization's; signatures, opinions and combinations a person's. An auto-signer
     * seals (with the organization's seal or its legal representative's) and dates, nothing a person writes.
     */
    private static void signerMayHave(String at, ApproverType type, FlowGroupDraft.Component c) {
        if (type == ApproverType.ENTERPRISE_AUTO && SignControlRules.SIGNATURES.contains(c.type())) {
            throw new ApiException(ErrorCodes.SERVER_SIGN_NO_SUPPORT_SIGNATURE, at + ": an auto-signer seals; it has "
                    + "no handwritten signature (" + c.type() + ").");
        }
        if (type == ApproverType.ENTERPRISE_AUTO && (SignControlRules.TEXTS.contains(c.type())
                || c.type().equals(SignCombinations.TYPE))) {
            throw new ApiException(ErrorCodes.SERVER_SIGN_NO_ALLOW_COMPONENT, at + ": an auto-signer has no person "
                    + "to write an opinion or complete a signing-approval control (" + c.type() + ").");
        }
        if (!type.isEnterprise() && SignControlRules.SEALS.contains(c.type())) {
            throw new ApiException(ErrorCodes.NO_SUPPORT_COMPONENT_TYPE, at + ": " + c.type()
                    + " is an enterprise seal; a person signs with SIGN_SIGNATURE.");
        }
    }

    /**
     * Auto-sign is the initiating organization sealing its own contract: the approver must be that
     * organization, it must have auto-sign enabled, and every SIGN_SEAL must name one of its seals
     * that allows automatic use.
     */
    private void checkAutoSign(String at, Organization acting, String organizationName,
                               List<FlowGroupDraft.Component> components) {
        if (!acting.name().equals(organizationName) || !acting.autoSignEnabled()) {
            throw new ApiException(ErrorCodes.NO_OPEN_SERVER_SIGN, at + ": automatic signing (ApproverType 3) is "
                    + "only open to the initiating organization " + acting.name() + ", with auto-sign enabled.");
        }
        List<FlowGroupDraft.Component> sealControls = components.stream()
                .filter(c -> SEAL_VALUES.contains(c.type())).toList();
        if (sealControls.isEmpty() || sealControls.stream().anyMatch(c -> c.value() == null)) {
            throw new ApiException(ErrorCodes.MISSING_SERVER_SIGN_SEAL, at + ": an auto-signer needs a SIGN_SEAL (or "
                    + "SIGN_LEGAL_PERSON_SEAL) control whose ComponentValue is the seal id to apply.");
        }
        for (FlowGroupDraft.Component control : sealControls) {
            Optional<Seal> seal = Ids.looksLikeId(control.value()) ? seals.find(control.value()) : Optional.empty();
            Optional<Organization> owner = seal.flatMap(s -> organizations.find(s.organizationId()));
            boolean own = owner.map(o -> o.id().equals(acting.id())).orElse(false);
            boolean related = owner.map(o -> ResourceAccessPolicy.of(acting, o) != ResourceAccessPolicy.Access.UNKNOWN)
                    .orElse(false);
            if (!own && !related) {
                throw new ApiException(ErrorCodes.SEAL_ID, at + ": the seal " + control.value() + " does not exist.");
            }
            if (!own || !seal.get().autoSignAllowed()) {
                throw new ApiException(ErrorCodes.NO_PERMISSION_USE_SERVER_SIGN_SEAL, at + ": the seal "
                        + control.value() + " may not be applied automatically for " + acting.name() + ".");
            }
            requireKind(at, control, seal.get());
        }
    }

    /**
     * For a person signing for an enterprise, a seal id on SIGN_SEAL restricts which seal they may
     * apply. It must be a seal of the organization named; for a dynamic signer, whose organization is
     * named later (and checked then), a seal of the initiator's own group. Whether the signer may use
     * it is checked when they sign. A seal outside those is reported exactly like one that does not
     * exist, so the check tells nobody whether a stranger's seal id is real.
     */
    private void checkSealRestrictions(String at, Organization acting, String organizationName,
                                       List<FlowGroupDraft.Component> components) {
        for (FlowGroupDraft.Component control : components) {
            if (!SEAL_VALUES.contains(control.type()) || control.value() == null) {
                continue;
            }
            Optional<Seal> seal = Ids.looksLikeId(control.value()) ? seals.find(control.value()) : Optional.empty();
            Optional<Organization> owner = seal.flatMap(s -> organizations.find(s.organizationId()));
            boolean matches = owner.map(o -> organizationName == null
                    ? ResourceAccessPolicy.of(acting, o) != ResourceAccessPolicy.Access.UNKNOWN
                    : o.name().equals(organizationName)).orElse(false);
            if (!matches) {
                throw new ApiException(ErrorCodes.SEAL_ID, at + ": the seal " + control.value() + " is not a seal of "
                        + (organizationName == null ? acting.name() + " or its group"
                        : organizationName) + ".");
            }
            requireKind(at, control, seal.get());
        }
    }

    /** A SIGN_LEGAL_PERSON_SEAL takes the legal representative's seal, and only it; a SIGN_SEAL any other. */
    private static void requireKind(String at, FlowGroupDraft.Component control, Seal seal) {
        boolean legal = Seal.LEGAL_PERSON_SEAL.equals(seal.sealType());
        if (legal != control.type().equals("SIGN_LEGAL_PERSON_SEAL")) {
            throw new ApiException(ErrorCodes.SEAL_ID, at + ": the seal " + control.value() + (legal
                    ? " is a legal representative's seal, for SIGN_LEGAL_PERSON_SEAL controls only."
                    : " is not a legal representative's seal (sealType LEGAL_PERSON_SEAL)."));
        }
    }
}
