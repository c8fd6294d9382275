package io.signflow.tenant;

import io.signflow.common.Ids;
import io.signflow.common.Mobiles;
import io.signflow.common.RequestRejected;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provisioning: organizations (and group enterprises), employees, seals and API keys. The admin API
 * and the demo data both come through here; an id may be given (demo data uses the seed's ids) or is
 * generated.
 */
@Service
@Transactional
public class TenantService {

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * The seal kinds ESS distinguishes (ComponentExtra.ComponentTypeLimit), and the legal representative's
     * seal that SIGN_LEGAL_PERSON_SEAL controls take.
     */
    static final List<String> SEAL_TYPES = List.of("OFFICIAL", "CONTRACT", "FINANCE", "PERSONNEL", "OTHER",
            Seal.LEGAL_PERSON_SEAL);
    /** A signer's name as contracts accept it: letters of any script with their marks, ·, dots, hyphens, spaces. */
    private static final Pattern PERSON_NAME = Pattern.compile("[\\p{L}\\p{M}·.\\- ]{1,50}");
    private static final char[] KEY_ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final OrganizationRepository organizations;
    private final EmployeeRepository employees;
    private final SealRepository seals;
    private final ApiKeyRepository apiKeys;
    private final SealImageRenderer sealImages;
    private final ApplicationEventPublisher events;

    public TenantService(OrganizationRepository organizations, EmployeeRepository employees, SealRepository seals,
                         ApiKeyRepository apiKeys, SealImageRenderer sealImages,
                         ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.employees = employees;
        this.seals = seals;
        this.apiKeys = apiKeys;
        this.sealImages = sealImages;
        this.events = events;
    }

    public Organization createOrganization(String id, String name, String parentId, long initialQuota) {
        String normalized = OrganizationNames.normalize(name);
        if (!OrganizationNames.isValid(normalized)) {
            throw RequestRejected.badRequest("name must be 1-200 characters of letters, digits, CJK and the "
                    + "punctuation of licensed names");
        }
        if (organizations.existsByName(normalized)) {
            throw RequestRejected.conflict("An organization named " + normalized + " exists already");
        }
        if (parentId != null) {
            Organization parent = organizations.find(parentId)
                    .orElseThrow(() -> RequestRejected.notFound("No organization " + parentId));
            if (parent.parentId() != null) {
                throw RequestRejected.badRequest("A sub-organization cannot have sub-organizations of its own");
            }
        }
        if (initialQuota < 0) {
            throw RequestRejected.badRequest("quota cannot be negative");
        }
        Organization org = new Organization(id != null ? id : Ids.next(), normalized, parentId, true, true);
        organizations.insert(org);
        events.publishEvent(new OrganizationCreated(org.id(), initialQuota));
        return org;
    }

    public Employee addEmployee(String id, String organizationId, String name, String mobile, boolean verified,
                                boolean apiEnabled) {
        requireOrganization(organizationId);
        if (name == null || name.isBlank() || name.length() > 50) {
            throw RequestRejected.badRequest("name must be 1-50 characters");
        }
        if (!Mobiles.isValid(mobile)) {
            throw RequestRejected.badRequest("mobile must be an 11-digit mainland mobile number");
        }
        Employee employee = new Employee(id != null ? id : Ids.next(), organizationId, name.trim(), mobile, verified,
                apiEnabled);
        employees.insert(employee);
        return employee;
    }

    public Seal createSeal(String id, String organizationId, String name, String sealType, boolean autoSignAllowed) {
        return createSeal(id, organizationId, name, sealType, autoSignAllowed, null);
    }

    /**
     * A seal with its picture drawn: an organization's round seal from its name, or for a legal
     * representative's seal ({@code LEGAL_PERSON_SEAL}) the square seal of {@code legalRepresentative}.
     */
    public Seal createSeal(String id, String organizationId, String name, String sealType, boolean autoSignAllowed,
                           String legalRepresentative) {
        Organization org = requireOrganization(organizationId);
        boolean legal = Seal.LEGAL_PERSON_SEAL.equals(sealType == null ? null : sealType.trim());
        String representative = legalRepresentative == null ? null : legalRepresentative.trim();
        if (legal && (representative == null || !PERSON_NAME.matcher(representative).matches())) {
            throw RequestRejected.badRequest("a LEGAL_PERSON_SEAL needs legalRepresentative, the legal "
                    + "representative's name (1-50 letters of any script)");
        }
        String sealName = name == null || name.isBlank() ? (legal ? "法定代表人章" : "合同专用章") : name.trim();
        if (sealName.length() > 50) {
            throw RequestRejected.badRequest("name must be at most 50 characters");
        }
        String type = sealType == null || sealType.isBlank() ? "CONTRACT" : sealType.trim();
        if (!SEAL_TYPES.contains(type)) {
            throw RequestRejected.badRequest("sealType must be one of " + SEAL_TYPES);
        }
        Seal seal = new Seal(id != null ? id : Ids.next(), organizationId, sealName, type, autoSignAllowed);
        seals.insert(seal, legal ? sealImages.renderLegalPerson(representative) : sealImages.render(org.name(), sealName));
        return seal;
    }

    public IssuedApiKey createApiKey(String organizationId, String secretId, String secretKey) {
        requireOrganization(organizationId);
        IssuedApiKey key = new IssuedApiKey(secretId != null ? secretId : "AKID" + random(32),
                secretKey != null ? secretKey : random(32));
        if (apiKeys.exists(key.secretId())) {
            throw RequestRejected.conflict("The SecretId exists already");
        }
        apiKeys.insert(key.secretId(), key.secretKey(), organizationId);
        return key;
    }

    public Organization requireOrganization(String organizationId) {
        return organizations.find(organizationId)
                .orElseThrow(() -> RequestRejected.notFound("No organization " + organizationId));
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = KEY_ALPHABET[RANDOM.nextInt(KEY_ALPHABET.length)];
        }
        return new String(chars);
    }

    /** A new API key; the secret half is shown this once and stored only encrypted. */
    public record IssuedApiKey(String secretId, String secretKey) {
    }

    /** Sets the organization's group policy by its admin API word ({@code independent}, {@code all-or-nothing}). */
    public FlowGroupPolicy setFlowGroupPolicy(String organizationId, String policy) {
        FlowGroupPolicy chosen = FlowGroupPolicy.of(policy).orElseThrow(() -> RequestRejected.badRequest(
                "policy must be " + FlowGroupPolicy.INDEPENDENT.wire() + " or " + FlowGroupPolicy.ALL_OR_NOTHING.wire()));
        if (!organizations.setFlowGroupPolicy(organizationId, chosen)) {
            throw RequestRejected.notFound("No organization " + organizationId);
        }
        return chosen;
    }

    public FlowGroupPolicy flowGroupPolicy(String organizationId) {
        return organizations.flowGroupPolicy(organizationId)
                .orElseThrow(() -> RequestRejected.notFound("No organization " + organizationId));
    }
}
