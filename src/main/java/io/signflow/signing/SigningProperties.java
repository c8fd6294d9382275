package io.signflow.signing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The signer page's security settings ({@code signflow.signing.*}).
 *
 * @param linkTtl          how long a link sent in an invitation or reminder works
 * @param signUrlTtl       how long a link from CreateFlowSignUrl and CreateBatchQuickSignUrl works (ESS: 30 minutes)
 * @param codeTtl          how long a verification code works
 * @param codeInterval     the least time between two codes for one signer
 * @param codesPerDay      codes one signer may ask for in a day
 * @param codeAttempts     wrong entries before a code is void and the signer locked out
 * @param lockout          how long the lock-out lasts
 * @param maxSignatureSize the largest handwritten signature image accepted
 * @param organizationSignUrlTtl how long a link from CreateOrganizationBatchSignUrl works (ESS: 7 days)
 */
@ConfigurationProperties("signflow.signing")
record SigningProperties(
        @DefaultValue("30d") Duration linkTtl,
        @DefaultValue("30m") Duration signUrlTtl,
        @DefaultValue("5m") Duration codeTtl,
        @DefaultValue("60s") Duration codeInterval,
        @DefaultValue("10") int codesPerDay,
        @DefaultValue("5") int codeAttempts,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("512KB") org.springframework.util.unit.DataSize maxSignatureSize,
        @DefaultValue("7d") Duration organizationSignUrlTtl) {
}
