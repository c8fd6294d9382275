package io.signflow.quota;

import io.signflow.common.RequestRejected;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators top up an organization's quota — the contract quota (CloudEnterprise) unless quotaType
 * names the evidence-report quota (CloudProve) — read its balance, and check the ledger.
 */
@RestController
@RequestMapping("/admin")
class AdminQuotaController {

    private final QuotaService quota;
    private final QuotaLedgerCheck ledger;

    public AdminQuotaController(QuotaService quota, QuotaLedgerCheck ledger) {
        this.quota = quota;
        this.ledger = ledger;
    }

    record TopUp(@NotNull @Positive Long add, String quotaType) {
    }

    record Balance(long total, long used, long available) {
        static Balance of(QuotaBalance b) {
            return new Balance(b.total(), b.used(), b.available());
        }
    }

    @PostMapping("/organizations/{organizationId}/quota")
    @Transactional
    public Balance topUp(@PathVariable String organizationId, @Valid @RequestBody TopUp body) {
        requireAccount(organizationId);
        return Balance.of(quota.topUp(organizationId, offered(body.quotaType()), body.add()));
    }

    @GetMapping("/organizations/{organizationId}/quota")
    public Balance balance(@PathVariable String organizationId, @RequestParam(required = false) String quotaType) {
        requireAccount(organizationId);
        return Balance.of(quota.balance(organizationId, offered(quotaType)));
    }

    private static String offered(String quotaType) {
        if (quotaType == null || quotaType.isBlank()) {
            return QuotaService.QUOTA_TYPE;
        }
        if (!QuotaTypes.OFFERED.contains(quotaType)) {
            throw RequestRejected.badRequest("quotaType must be one of " + QuotaTypes.OFFERED + ".");
        }
        return quotaType;
    }

    @GetMapping("/quota/ledger-check")
    public QuotaLedgerCheck.Result checkLedger() {
        return ledger.check();
    }

    private void requireAccount(String organizationId) {
        if (!quota.accountExists(organizationId)) {
            throw RequestRejected.notFound("No organization " + organizationId);
        }
    }
}
