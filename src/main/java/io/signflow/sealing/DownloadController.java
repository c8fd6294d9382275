package io.signflow.sealing;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.common.RequestRejected;
import io.signflow.flowgroup.FlowGroupRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves final PDFs behind the signed links from DescribeFileUrls. A forged link gets 403, an expired
 * one 410; every download is in the audit trail with the downloader's address.
 */
@RestController
class DownloadController {

    private final DownloadLinks links;
    private final SealedDocuments sealed;
    private final SealingSources sources;
    private final FlowGroupRepository groups;
    private final AuditTrail audit;

    public DownloadController(DownloadLinks links, SealedDocuments sealed, SealingSources sources,
                              FlowGroupRepository groups, AuditTrail audit) {
        this.links = links;
        this.sealed = sealed;
        this.sources = sources;
        this.groups = groups;
        this.audit = audit;
    }

    @GetMapping("/files/flows/{flowId}.pdf")
    @Transactional
    public ResponseEntity<byte[]> download(@PathVariable String flowId, @RequestParam long expires,
                                           @RequestParam String signature, HttpServletRequest request) {
        switch (links.check(flowId, expires, signature)) {
            case FORGED -> throw new RequestRejected(HttpStatus.FORBIDDEN, "This link is not valid.");
            case EXPIRED -> throw new RequestRejected(HttpStatus.GONE,
                    "This link has expired; ask for a new one with DescribeFileUrls.");
            case VALID -> { }
        }
        byte[] pdf = sealed.content(flowId)
                .orElseThrow(() -> RequestRejected.notFound("The contract has no final PDF."));
        String groupId = groups.findByFlow(flowId).orElseThrow().id();
        audit.recordAll(groupId, List.of(flowId), AuditEvent.DOWNLOADED, "link holder", request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT), "final PDF");
        String fileName = sources.contract(flowId).name() + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
