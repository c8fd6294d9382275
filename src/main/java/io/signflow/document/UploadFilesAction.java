package io.signflow.document;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * UploadFiles: up to 20 files in one call. DOCUMENT takes PDFs (which start contracts) and JPG/PNG
 * images (for image fill fields); SEAL takes JPG/PNG. Every file is checked for what it claims to be
 * before anything is stored, so a call stores all its files or none.
 */
@Component
class UploadFilesAction implements ApiAction<UploadFilesRequest> {

    private static final int MAX_FILES = 20;
    private static final Set<String> OFFICE_TYPES = Set.of("doc", "docx", "xls", "xlsx", "html");
    private static final Set<String> IMAGE_TYPES = Set.of("jpg", "jpeg", "png");
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private final ActingPartyResolver actingParties;
    private final PdfInspector inspector;
    private final DocumentService documents;
    private final DocumentProperties properties;
    private final Clock clock;

    public UploadFilesAction(ActingPartyResolver actingParties, PdfInspector inspector, DocumentService documents,
                             DocumentProperties properties, Clock clock) {
        this.actingParties = actingParties;
        this.inspector = inspector;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean creates() {
        return true;
    }

    @Override
    public String name() {
        return "UploadFiles";
    }

    @Override
    public Class<UploadFilesRequest> requestType() {
        return UploadFilesRequest.class;
    }

    private record Checked(String fileName, String fileType, byte[] content, List<PageGeometry> pages) {
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, UploadFilesRequest request) {
        String businessType = request.businessType();
        if (!Set.of("DOCUMENT", "SEAL", "TEMPLATE").contains(businessType)) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER_VALUE,
                    "BusinessType must be DOCUMENT or SEAL.");
        }
        if ("TEMPLATE".equals(businessType)) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION,
                    "Templates are not offered; upload PDFs as DOCUMENT and create contracts from files.");
        }
        if (request.fileUrls() != null && !request.fileUrls().isBlank()) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION,
                    "FileUrls is not offered: the server does not fetch files from addresses; send FileInfos.");
        }
        ActingParty acting = actingParties.resolve(caller, request.caller().operatorId(), request.agent());
        if (request.fileInfos().isEmpty() || request.fileInfos().size() > MAX_FILES) {
            throw new ApiException(ErrorCodes.PARAM_ERROR, "FileInfos must hold 1 to " + MAX_FILES + " files.");
        }
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < request.fileInfos().size(); i++) {
            checked.add(check("FileInfos[" + i + "]", businessType, request.fileType(), request.fileInfos().get(i)));
        }
        OffsetDateTime expiresAt = OffsetDateTime.now(clock).plus(properties.documentTtl());
        List<String> ids = checked.stream().map(file -> documents.store(acting.organization(), businessType,
                file.fileName(), file.fileType(), file.content(), file.pages(), expiresAt)).toList();
        return new UploadFilesRequest.Response(ids, ids.size());
    }

    private Checked check(String field, String businessType, String declaredType, UploadFilesRequest.UploadFile file) {
        String name = file.fileName();
        if (name == null || name.isBlank()) {
            throw new ApiException(ErrorCodes.MISSING_FILE_NAMES, field + ".FileName is required.");
        }
        if (name.length() > 200 || name.chars().anyMatch(c -> c < 0x20 || c == '/' || c == '\\')) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER_VALUE,
                    field + ".FileName must be at most 200 characters, without path separators or control characters.");
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = declaredType == null || declaredType.isBlank() ? extension : declaredType.toLowerCase(Locale.ROOT);
        if (!type.equals(extension) && !(IMAGE_TYPES.contains(type) && IMAGE_TYPES.contains(extension))) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER_VALUE,
                    field + ".FileName " + name + " does not end in ." + type + ".");
        }
        boolean image = IMAGE_TYPES.contains(type);
        if (OFFICE_TYPES.contains(type)) {
            throw new ApiException(ErrorCodes.UNSUPPORTED_OPERATION, field + " is a ." + type
                    + " file; only PDF starts a contract here: convert it to PDF before uploading.");
        }
        if (!image && !"pdf".equals(type) || "SEAL".equals(businessType) && !image) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER_VALUE, field + " has the unsupported type ." + type
                    + "; " + ("SEAL".equals(businessType) ? "seals are JPG or PNG images." : "use PDF, JPG or PNG."));
        }
        byte[] content = decode(field, file.fileBody());
        long limit = (image ? properties.maxImageSize() : properties.maxDocumentSize()).toBytes();
        if (content.length > limit) {
            throw new ApiException(ErrorCodes.LIMIT_EXCEEDED, field + " is " + content.length
                    + " bytes; files of this type may have at most " + limit + ".");
        }
        if (image) {
            requireImage(field, type, content);
            return new Checked(name, "jpeg".equals(type) ? "jpg" : type, content, List.of());
        }
        try {
            return new Checked(name, "pdf", content, inspector.inspect(content));
        } catch (UnreadableDocument e) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER_VALUE, field + " (" + name + ") " + e.getMessage() + ".");
        }
    }

    private static byte[] decode(String field, String base64) {
        try {
            // line breaks are tolerated, anything else outside the alphabet is an error
            byte[] content = Base64.getDecoder().decode(WHITESPACE.matcher(base64).replaceAll(""));
            if (content.length == 0) {
                throw new ApiException(ErrorCodes.INVALID_PARAMETER_VALUE, field + ".FileBody is empty.");
            }
            return content;
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, field + ".FileBody is not valid base64.");
        }
    }

    private static void requireImage(String field, String type, byte[] content) {
        boolean png = content.length > 8 && (content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N'
                && content[3] == 'G';
        boolean jpg = content.length > 3 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xD8;
        if ("png".equals(type) ? !png : !jpg) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER_VALUE, field + " is not a " + type.toUpperCase(Locale.ROOT)
                    + " image.");
        }
    }
}
