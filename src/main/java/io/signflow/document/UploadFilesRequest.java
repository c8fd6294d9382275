package io.signflow.document;

import io.signflow.tenant.Agent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** UploadFiles: files as base64 in the body; the operator is Caller.OperatorId. */
record UploadFilesRequest(@NotNull String businessType, @NotNull @Valid Caller caller,
                                 @NotNull List<@NotNull @Valid UploadFile> fileInfos, String fileType,
                                 Boolean coverRect, List<String> customIds, String fileUrls, Agent agent) {

    public record Caller(String applicationId, String organizationId, @NotNull String operatorId,
                         String subOrganizationId) {
    }

    public record UploadFile(@NotNull String fileBody, String fileName) {
    }

    public record Response(List<String> fileIds, long totalCount) {
    }
}
