package io.signflow.document;

import java.time.OffsetDateTime;

/** An uploaded file's record, without its bytes. */
public record FileResource(String id, String organizationId, String businessType, String fileName, String fileType,
                           long sizeBytes, Integer pageCount, OffsetDateTime expiresAt) {

    public boolean isPdf() {
        return "pdf".equals(fileType);
    }
}
