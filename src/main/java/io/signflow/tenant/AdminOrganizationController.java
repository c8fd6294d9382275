package io.signflow.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators provision tenants here (HTTP Basic, admin login). */
@RestController
@RequestMapping("/admin/organizations")
class AdminOrganizationController {

    private final TenantService tenants;
    private final EmbedOrigins embedOrigins;

    public AdminOrganizationController(TenantService tenants, EmbedOrigins embedOrigins) {
        this.tenants = tenants;
        this.embedOrigins = embedOrigins;
    }

    record Embedding(java.util.List<String> origins) {
    }

    record NewOrganization(@NotBlank String name, String parentOrganizationId, Long quota) {
    }

    record NewEmployee(@NotBlank String name, @NotBlank String mobile, Boolean verified, Boolean apiEnabled) {
    }

    record NewSeal(String name, String sealType, Boolean autoSign, String legalRepresentative) {
    }

    record GroupPolicy(@NotBlank String policy) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> createOrganization(@Valid @RequestBody NewOrganization body) {
        Organization org = tenants.createOrganization(null, body.name(), body.parentOrganizationId(),
                body.quota() == null ? 0 : body.quota());
        return Map.of("organizationId", org.id());
    }

    @PostMapping("/{organizationId}/employees")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> addEmployee(@PathVariable String organizationId, @Valid @RequestBody NewEmployee body) {
        Employee employee = tenants.addEmployee(null, organizationId, body.name(), body.mobile(),
                !Boolean.FALSE.equals(body.verified()), !Boolean.FALSE.equals(body.apiEnabled()));
        return Map.of("userId", employee.id());
    }

    @PostMapping("/{organizationId}/seals")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> createSeal(@PathVariable String organizationId, @RequestBody(required = false) NewSeal body) {
        NewSeal seal = body == null ? new NewSeal(null, null, null, null) : body;
        return Map.of("sealId", tenants.createSeal(null, organizationId, seal.name(), seal.sealType(),
                !Boolean.FALSE.equals(seal.autoSign()), seal.legalRepresentative()).id());
    }

    /** The origins whose pages may show this organization's signer pages in a frame (and receive their events). */
    @PutMapping("/{organizationId}/embedding")
    public Embedding setEmbedding(@PathVariable String organizationId, @RequestBody Embedding body) {
        return new Embedding(embedOrigins.replace(organizationId, body.origins()));
    }

    @GetMapping("/{organizationId}/embedding")
    public Embedding embedding(@PathVariable String organizationId) {
        return new Embedding(embedOrigins.of(organizationId));
    }

    @PostMapping("/{organizationId}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    public TenantService.IssuedApiKey createApiKey(@PathVariable String organizationId) {
        return tenants.createApiKey(organizationId, null, null);
    }

    /** What becomes of a group's other contracts when one fails; applies to groups created afterwards. */
    @PutMapping("/{organizationId}/flow-group-policy")
    public GroupPolicy setFlowGroupPolicy(@PathVariable String organizationId, @Valid @RequestBody GroupPolicy body) {
        return new GroupPolicy(tenants.setFlowGroupPolicy(organizationId, body.policy()).wire());
    }

    @GetMapping("/{organizationId}/flow-group-policy")
    public GroupPolicy flowGroupPolicy(@PathVariable String organizationId) {
        return new GroupPolicy(tenants.flowGroupPolicy(organizationId).wire());
    }
}
