package io.signflow.document;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.common.Ids;
import io.signflow.tenant.Organization;
import io.signflow.tenant.OrganizationRepository;
import io.signflow.tenant.ResourceAccessPolicy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Service;

/** Stores uploaded files and hands out the PDFs an organization may start contracts from. */
@Service
public class DocumentService {

    private final FileRepository files;
    private final OrganizationRepository organizations;
    private final Clock clock;

    public DocumentService(FileRepository files, OrganizationRepository organizations, Clock clock) {
        this.files = files;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** A PDF that may start a contract, with its pages. */
    public record UsableDocument(FileResource file, List<PageGeometry> pages) {

        public int pageCount() {
            return pages.size();
        }
    }

    public String store(Organization owner, String businessType, String fileName, String fileType, byte[] content,
                        List<PageGeometry> pages, OffsetDateTime expiresAt) {
        return storeWithId(Ids.next(), owner, businessType, fileName, fileType, content, pages, expiresAt);
    }

    /** Stores a file under a chosen id (the demo data uses the seed's FileIds). */
    public String storeWithId(String id, Organization owner, String businessType, String fileName, String fileType,
                              byte[] content, List<PageGeometry> pages, OffsetDateTime expiresAt) {
        FileResource file = new FileResource(id, owner.id(), businessType, fileName, fileType, content.length,
                pages.isEmpty() ? null : pages.size(), expiresAt);
        files.insert(file, DigestUtils.sha256Hex(content), content, pages);
        return file.id();
    }

    /**
     * The documents behind FileIds, checked for the acting organization: they exist, have not
     * expired, are PDFs uploaded as DOCUMENT, and the organization may use them.
     */
    public Map<String, UsableDocument> usableDocuments(Organization acting, Collection<String> fileIds) {
        Map<String, UsableDocument> found = files.findWithPages(fileIds);
        Map<String, Organization> owners = organizations.findAll(found.values().stream()
                        .map(document -> document.file().organizationId()).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Organization::id, Function.identity()));
        for (String id : fileIds) {
            FileResource file = found.containsKey(id) ? found.get(id).file() : null;
            requireUsable(acting, id, file, file == null ? null : owners.get(file.organizationId()));
            if (!"DOCUMENT".equals(file.businessType()) || !file.isPdf()) {
                throw new ApiException(ErrorCodes.FILE_NO_MATCH_RESOURCE, "The file " + id
                        + " is not a PDF uploaded with BusinessType DOCUMENT.");
            }
        }
        return found;
    }

    /** An image (JPG or PNG) the acting organization uploaded, e.g. for a FILL_IMAGE control. */
    public void requireImage(Organization acting, String fileId, String field) {
        FileResource file = files.find(fileId).orElse(null);
        requireUsable(acting, fileId, file, file == null ? null : organizations.find(file.organizationId()).orElseThrow());
        if (file.isPdf()) {
            throw new ApiException(ErrorCodes.FILE_NO_MATCH_RESOURCE, field + ": the file " + fileId
                    + " is not a JPG or PNG image.");
        }
    }

    private void requireUsable(Organization acting, String id, FileResource file, Organization owner) {
        ResourceAccessPolicy.Access access = file == null ? ResourceAccessPolicy.Access.UNKNOWN
                : ResourceAccessPolicy.of(acting, owner);
        if (access == ResourceAccessPolicy.Access.UNKNOWN) {
            throw new ApiException(ErrorCodes.RESOURCE_NOT_FOUND, "The file " + id + " does not exist.");
        }
        if (access == ResourceAccessPolicy.Access.DENIED_WITHIN_GROUP) {
            throw new ApiException(ErrorCodes.NO_PERMISSION_USE_RESOURCE, "The file " + id
                    + " belongs to another organization of the group; upload it for " + acting.name() + ".");
        }
        if (file.expiresAt() != null && file.expiresAt().isBefore(OffsetDateTime.now(clock))) {
            throw new ApiException(ErrorCodes.RESOURCE_NOT_FOUND, "The file " + id
                    + " has expired; upload it again to start a contract.");
        }
    }
}
