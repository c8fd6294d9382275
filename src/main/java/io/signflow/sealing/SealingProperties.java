package io.signflow.sealing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How final PDFs are signed and handed out ({@code signflow.sealing.*}).
 *
 * @param platformName     the name in the platform's certificates and in every signature
 * @param organizationName the organization that runs the platform: the O of the generated certificates
 * @param pkcs12Path       an operator's own signing identity (PKCS#12); empty: the generated one in the database
 * @param pkcs12Password   that file's password
 * @param defaultUrlTtl    how long a download link works when DescribeFileUrls gives no UrlTtl
 * @param maxUrlTtl        the longest UrlTtl accepted
 * @param timeZone         the zone of dates drawn into contracts and on the certificate of completion
 * @param tsaUrl           the RFC 3161 time stamping authority that countersigns every signature; empty: none
 * @param tsaTimeout       how long one request to it may take
 * @param concurrency      how many contracts are sealed at once on this node; 0: one fewer than the
 *                         processors, at least one ({@link SealingCapacity})
 * @param nice             the sealing threads' nice value on Linux, 19 (background) by default; 0 keeps them
 *                         at the priority of requests ({@link BackgroundPriority})
 */
@ConfigurationProperties("signflow.sealing")
public record SealingProperties(
        @DefaultValue("Signflow") String platformName,
        @DefaultValue("Signflow operator") String organizationName,
        @DefaultValue("") String pkcs12Path,
        @DefaultValue("") String pkcs12Password,
        @DefaultValue("5m") Duration defaultUrlTtl,
        @DefaultValue("24h") Duration maxUrlTtl,
        @DefaultValue("Asia/Shanghai") java.time.ZoneId timeZone,
        @DefaultValue("") String tsaUrl,
        @DefaultValue("10s") Duration tsaTimeout,
        @DefaultValue("0") int concurrency,
        @DefaultValue("19") int nice) {
}
