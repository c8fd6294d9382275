package io.signflow.audit;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of one contract for operators, every event oldest first, and the check of all chains. */
@RestController
class AdminAuditController {

    private final AuditTrail audit;
    private final AuditChainCheck chainCheck;

    public AdminAuditController(AuditTrail audit, AuditChainCheck chainCheck) {
        this.audit = audit;
        this.chainCheck = chainCheck;
    }

    @GetMapping("/admin/flows/{flowId}/audit-trail")
    public ResponseEntity<List<AuditTrail.Entry>> trail(@PathVariable String flowId) {
        List<AuditTrail.Entry> entries = audit.ofFlow(flowId);
        return entries.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(entries);
    }

    /** 409 when a chain is broken, so that a script (or curl --fail-with-body) notices without reading the body. */
    @GetMapping("/admin/audit/chain-check")
    public ResponseEntity<AuditChainCheck.Report> chainCheck() {
        AuditChainCheck.Report report = chainCheck.run();
        return ResponseEntity.status(report.intact() ? HttpStatus.OK : HttpStatus.CONFLICT).body(report);
    }
}
