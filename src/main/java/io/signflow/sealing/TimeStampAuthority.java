package io.signflow.sealing;

import org.apache.commons.codec.digest.DigestUtils;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The RFC 3161 time stamping authority that countersigns the platform's signatures
 * ({@code signflow.sealing.tsa-url}, {@code SIGNFLOW_TSA_URL}), so a signature's time rests on a party
 * other than the platform's own clock. Not configured, signatures carry only the platform's time, and
 * the log and every certificate of completion say so. Configured, a token it cannot give (unreachable,
 * refused, not matching the request) fails the signing, which is retried: a document is never sealed
 * without the timestamp it was meant to have.
 */
@Component
public class TimeStampAuthority {

    private static final Logger log = LoggerFactory.getLogger(TimeStampAuthority.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String url;
    private final Duration timeout;
    private final HttpClient http;

    @Autowired
    public TimeStampAuthority(SealingProperties properties) {
        this(properties.tsaUrl(), properties.tsaTimeout());
    }

    TimeStampAuthority(String url, Duration timeout) {
        this.url = url == null ? "" : url.trim();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** No authority: the tests of what is signed without one use it. */
    static TimeStampAuthority none() {
        return new TimeStampAuthority("", Duration.ofSeconds(1));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void announce() {
        if (configured()) {
            log.info("Signatures are timestamped by the time stamping authority {}", url);
        } else {
            log.warn("No time stamping authority configured (SIGNFLOW_TSA_URL): signatures carry the platform's own "
                    + "time only, no independent timestamp");
        }
    }

    public boolean configured() {
        return !url.isEmpty();
    }

    /** One line for a certificate of completion or a report: what the signature's time rests on. */
    public String describe() {
        return configured()
                ? "Its signature carries an RFC 3161 timestamp from the time stamping authority " + url + "."
                : "No independent timestamp: the signing time is the platform's own clock (no time stamping "
                        + "authority configured).";
    }

    /** A token over the SHA-256 of {@code signatureValue}, checked against the request and its own certificate. */
    TimeStampToken stamp(byte[] signatureValue) throws IOException {
        try {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256,
                    DigestUtils.sha256(signatureValue), new BigInteger(64, RANDOM));
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IOException("The time stamping authority " + url + " answered HTTP " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new IOException("The time stamping authority " + url + " gave no token: "
                        + response.getStatusString());
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate(token)));
            return token;
        } catch (TSPException | GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("The time stamping authority " + url + " gave no usable timestamp", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking " + url + " for a timestamp", e);
        }
    }

    private X509Certificate signerCertificate(TimeStampToken token) throws GeneralSecurityException, IOException {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates()
                .getMatches((Selector<X509CertificateHolder>) token.getSID());
        if (matches.isEmpty()) {
            throw new IOException("The timestamp from " + url + " does not carry its authority's certificate");
        }
        return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
    }
}
