package io.signflow.audit;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of one contract for operators: every event, oldest first. */
@RestController
class AdminAuditController {

    private final AuditTrail audit;

    public AdminAuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/flows/{flowId}/audit-trail")
    public ResponseEntity<List<AuditTrail.Entry>> trail(@PathVariable String flowId) {
        List<AuditTrail.Entry> entries = audit.ofFlow(flowId);
        return entries.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(entries);
    }
}
