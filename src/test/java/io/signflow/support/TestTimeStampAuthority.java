package io.signflow.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time stamping authority on a random loopback port, as a real one answers over HTTP:
 * BouncyCastle's {@link TimeStampResponseGenerator} with a certificate of its own (extended key usage
 * timeStamping, critical) issued by a root of its own. It can be told to refuse with an HTTP status,
 * as an authority that is down does, or made to answer with tokens larger than a given size, as one
 * whose tokens carry a long certificate chain does.
 */
public final class TestTimeStampAuthority implements AutoCloseable {

    public static final String NAME = "CN=Signflow Test TSA,O=Signflow Tests";
    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

    private final HttpServer server;
    private final List<X509Certificate> chain;
    private final AtomicLong serial = new AtomicLong(1);
    private final AtomicReference<Integer> refuseWith = new AtomicReference<>();

    private static TestTimeStampAuthority shared;

    /** One authority for every application of this JVM: its URL is part of their settings. */
    public static synchronized TestTimeStampAuthority shared() {
        if (shared == null) {
            shared = new TestTimeStampAuthority();
        }
        return shared;
    }

    public TestTimeStampAuthority() {
        this(0);
    }

    /**
     * With {@code padding} above 0, its tokens also carry a certificate with a non-critical extension of
     * that many bytes, so they are larger than that.
     */
    public TestTimeStampAuthority(int padding) {
        try {
            KeyPair rootKeys = keys();
            KeyPair tsaKeys = keys();
            X500Name rootName = new X500Name("CN=Signflow Test TSA Root,O=Signflow Tests");
            X509v3CertificateBuilder root = builder(rootName, rootName, rootKeys.getPublic());
            root.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            root.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate rootCertificate = sign(root, rootKeys);
            X509v3CertificateBuilder tsa = builder(rootName, new X500Name(NAME), tsaKeys.getPublic());
            tsa.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            X509Certificate tsaCertificate = sign(tsa, rootKeys);
            chain = List.of(tsaCertificate, rootCertificate);

            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(tsaKeys.getPrivate()), tsaCertificate),
                    new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(TSPAlgorithms.SHA256)),
                    POLICY);
            tokens.addCertificates(new JcaCertStore(chain));
            if (padding > 0) {
                X509v3CertificateBuilder padded = builder(rootName, new X500Name("CN=Signflow Test TSA Padding"),
                        rootKeys.getPublic());
                padded.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.2"), false,
                        new DEROctetString(new byte[padding]));
                tokens.addCertificates(new JcaCertStore(List.of(sign(padded, rootKeys))));
            }
            tokens.setTSA(new GeneralName(new X500Name(NAME)));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);

            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/tsa", exchange -> {
                try (exchange) {
                    Integer refusal = refuseWith.get();
                    if (refusal != null) {
                        exchange.sendResponseHeaders(refusal, -1);
                        return;
                    }
                    TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                    byte[] answer = responses.generate(request, BigInteger.valueOf(serial.getAndIncrement()),
                            new Date()).getEncoded();
                    exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                    exchange.sendResponseHeaders(200, answer.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test time stamping authority", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    /** The authority's certificate first, its root last. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** Answers every request with this HTTP status from now on; null: answers again. */
    public void refuseWith(Integer status) {
        refuseWith.set(status);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(3650))), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
    }
}
