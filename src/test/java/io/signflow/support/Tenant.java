package io.signflow.support;

import java.util.List;

/** An organization made for one test: its operator, seal, API key and uploaded A4 PDFs. */
public record Tenant(String organizationId, String name, String operatorId, String operatorName, String operatorMobile,
                     String sealId, ApiClient api, List<String> fileIds) {

    public String fileId() {
        return fileIds.get(0);
    }
}
