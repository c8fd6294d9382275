package io.signflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.api.Tc3Signature.SignedHeader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

/** The reference's verified test vector (section 1.2), step by step. */
class Tc3SignatureTest {

    private static final byte[] BODY = "{\"FlowId\":\"f1\"}".getBytes(StandardCharsets.UTF_8);
    private static final long TIMESTAMP = 1795550312L;

    @Test
    void bodyHashMatchesTheVector() {
        assertThat(DigestUtils.sha256Hex(BODY))
                .isEqualTo("d3b83b96a079099307cc260024a9d89859ebd294785035eb599ea19346041022");
    }

    @Test
    void canonicalRequestHashMatchesTheVector() {
        String canonical = canonical();
        assertThat(DigestUtils.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("fffccf4e73a419e30c4afec482716692b8cbb1828afbe1d9dfb4df04b615e0fe");
    }

    @Test
    void signatureMatchesTheVector() {
        assertThat(Tc3Signature.utcDate(TIMESTAMP)).isEqualTo("2026-11-24");
        String signature = Tc3Signature.signature("secretKeyTest", "2026-11-24", "127",
                Tc3Signature.stringToSign(TIMESTAMP, "127", canonical()));
        assertThat(signature).isEqualTo("61067dafec8d42c7b2671d074b7e20bba7b4bbed64994549e85d987b9136356b");
    }

    @Test
    void clientHeadersCarryTheSameSignatureAndTheEndpointsFirstLabelAsService() {
        var headers = Tc3Signature.clientHeaders("AKIDtest", "secretKeyTest", "127.0.0.1:18080", "DescribeFlowInfo",
                "2020-11-11", TIMESTAMP, BODY);
        assertThat(headers.get("Authorization")).isEqualTo("TC3-HMAC-SHA256 Credential=AKIDtest/2026-11-24/127/"
                + "tc3_request, SignedHeaders=content-type;host, "
                + "Signature=61067dafec8d42c7b2671d074b7e20bba7b4bbed64994549e85d987b9136356b");
    }

    private static String canonical() {
        return Tc3Signature.canonicalRequest("POST", List.of(
                new SignedHeader("content-type", "application/json; charset=utf-8"),
                new SignedHeader("host", "127.0.0.1:18080")), DigestUtils.sha256Hex(BODY));
    }
}
