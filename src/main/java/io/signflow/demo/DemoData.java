package io.signflow.demo;

import io.signflow.document.DocumentService;
import io.signflow.document.PdfInspector;
import io.signflow.tenant.Organization;
import io.signflow.tenant.OrganizationRepository;
import io.signflow.tenant.TenantService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenants and files the seed's four CreateFlowGroupByFiles examples name, loaded through the
 * same services the admin API uses, so that the examples succeed verbatim:
 * <ul>
 * <li>典子谦示例集团, a group enterprise, with the operator of examples 2 and 3;</li>
 * <li>典子谦示例企业 (ProxyOrganizationId of example 2), its sub-organization, with the operator of
 * examples 1 and 4, the auto-sign seal and the three PDFs;</li>
 * <li>the demo API key, which belongs to the group enterprise and so serves both operators.</li>
 * </ul>
 * Loaded once: nothing happens when the sub-organization exists already.
 */
@Component
@ConditionalOnProperty(name = "signflow.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    public static final String GROUP_ENTERPRISE_ID = "yDRSQUUgygj6qnwfUuO4zjEwGroupHq1";
    public static final String GROUP_ENTERPRISE_NAME = "典子谦示例集团";
    public static final String GROUP_OPERATOR_ID = "yDRCLUUgygq2xun5UuO4zjEwg0vjoimj";
    public static final String ENTERPRISE_ID = "yDRSRUUgygj6qnwfUuO4zjEwc193c2hH";
    public static final String ENTERPRISE_NAME = "典子谦示例企业";
    public static final String OPERATOR_ID = "yDwf2UUckps3me1aUuRbyBJvD8CIgM4K";
    public static final String SEAL_ID = "yDxMjUyKQDN7EkUuO4zjEBpGXvHEACSA";
    public static final List<String> FILE_IDS = List.of("yDwgAUUckp1tbkbgUukJIiCyj7014en1",
            "yDwgAUUckp1tbkbgUukJIiCyj7014en2", "yDwgAUUckp1tbkbgUukJIiCyj7014en3");
    static final long QUOTA = 100_000;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private final TenantService tenants;
    private final OrganizationRepository organizations;
    private final DocumentService documents;
    private final PdfInspector inspector;
    private final TransactionTemplate transaction;
    private final String secretId;
    private final String secretKey;

    public DemoData(TenantService tenants, OrganizationRepository organizations, DocumentService documents,
                    PdfInspector inspector, TransactionTemplate transaction,
                    @Value("${signflow.demo.secret-id}") String secretId,
                    @Value("${signflow.demo.secret-key}") String secretKey) {
        this.tenants = tenants;
        this.organizations = organizations;
        this.documents = documents;
        this.inspector = inspector;
        this.transaction = transaction;
        this.secretId = secretId;
        this.secretKey = secretKey;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organizations.find(ENTERPRISE_ID).isPresent()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
        log.info("Demo data loaded: API key {} for {} and {}", secretId, GROUP_ENTERPRISE_NAME, ENTERPRISE_NAME);
    }

    private void load() {
        tenants.createOrganization(GROUP_ENTERPRISE_ID, GROUP_ENTERPRISE_NAME, null, QUOTA);
        tenants.addEmployee(GROUP_OPERATOR_ID, GROUP_ENTERPRISE_ID, "典子谦", "18251952320", true, true);
        Organization enterprise = tenants.createOrganization(ENTERPRISE_ID, ENTERPRISE_NAME, GROUP_ENTERPRISE_ID, QUOTA);
        tenants.addEmployee(OPERATOR_ID, ENTERPRISE_ID, "典子谦", "18251952320", true, true);
        tenants.createSeal(SEAL_ID, ENTERPRISE_ID, "合同专用章", "CONTRACT", true);
        for (int i = 0; i < FILE_IDS.size(); i++) {
            byte[] pdf = DemoContracts.render(i + 1);
            documents.storeWithId(FILE_IDS.get(i), enterprise, "DOCUMENT", "demo-contract-" + (i + 1) + ".pdf", "pdf",
                    pdf, inspector.inspect(pdf), null);
        }
        tenants.createApiKey(GROUP_ENTERPRISE_ID, secretId, secretKey);
    }
}
