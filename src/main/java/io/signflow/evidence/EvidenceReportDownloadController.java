package io.signflow.evidence;

import io.signflow.common.RequestRejected;
import io.signflow.sealing.DownloadLinks;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Serves evidence reports behind the signed links from DescribeFlowEvidenceReport: 403 forged, 410 expired. */
@RestController
public class EvidenceReportDownloadController {

    private final DownloadLinks links;
    private final EvidenceReportStore reports;

    public EvidenceReportDownloadController(DownloadLinks links, EvidenceReportStore reports) {
        this.links = links;
        this.reports = reports;
    }

    @GetMapping("/files/evidence-reports/{reportId}.pdf")
    public ResponseEntity<byte[]> download(@PathVariable String reportId, @RequestParam long expires,
                                           @RequestParam String signature) {
        switch (links.checkEvidenceReport(reportId, expires, signature)) {
            case FORGED -> throw new RequestRejected(HttpStatus.FORBIDDEN, "This link is not valid.");
            case EXPIRED -> throw new RequestRejected(HttpStatus.GONE,
                    "This link has expired; ask for a new one with DescribeFlowEvidenceReport.");
            case VALID -> { }
        }
        byte[] pdf = reports.content(reportId).orElseThrow(() -> RequestRejected.notFound("No such evidence report."));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("evidence-report-" + reportId + ".pdf").build().toString())
                .body(pdf);
    }
}
