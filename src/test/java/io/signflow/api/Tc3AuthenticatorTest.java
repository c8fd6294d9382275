package io.signflow.api;

import static io.signflow.api.AuthenticatorFixture.NOW;
import static io.signflow.api.AuthenticatorFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TC3-HMAC-SHA256 as each official SDK sends it. The Node.js vectors were computed with
 * tencentcloud-sdk-nodejs 4.1.313's own Sign.sign3 for an endpoint 127.0.0.1:18080: it signs the host
 * without the port and, over GET, the query string it sends.
 */
class Tc3AuthenticatorTest {

    private static final String NODE_GET_QUERY =
            "Operator.UserId=yDxx&FlowIds.0=f1&FlowGroupName=%E5%90%88%E5%90%8C%20%E7%BB%84%2B1";
    private static final String NODE_GET_SIGNATURE = "f93a0b9f50ae6917d6358465def9789645306bc0f92d90e5b2dade202af8a920";
    private static final String NODE_POST_SIGNATURE = "5634f40ea02cc95ad41da5d83e6c3859e1920bc16a0ff5419343b065d7c73195";
    private static final String JAVA_POST_SIGNATURE = "61067dafec8d42c7b2671d074b7e20bba7b4bbed64994549e85d987b9136356b";

    private final AuthenticatorFixture fixture = new AuthenticatorFixture();

    private static Map<String, String> headers(String host, String contentType, String signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Host", host);
        headers.put("Content-Type", contentType);
        headers.put("X-TC-Action", "DescribeFlowInfo");
        headers.put("X-TC-Version", "2020-11-11");
        headers.put("X-TC-Timestamp", Long.toString(NOW));
        headers.put("Authorization", "TC3-HMAC-SHA256 Credential=AKIDtest/2026-11-24/127/tc3_request, "
                + "SignedHeaders=content-type;host, Signature=" + signature);
        return headers;
    }

    private SignedCall nodeGet(String host, String query) {
        return fixture.authenticator.authenticate(request("GET",
                headers(host, "application/x-www-form-urlencoded", NODE_GET_SIGNATURE), query, ""));
    }

    @Test
    void theJavaSdkSigningTheHostWithItsPortIsAccepted() {
        SignedCall call = fixture.authenticator.authenticate(request("POST",
                headers("127.0.0.1:18080", "application/json; charset=utf-8", JAVA_POST_SIGNATURE), null,
                "{\"FlowId\":\"f1\"}"));

        assertThat(call.caller().organizationId()).isEqualTo("org1");
        assertThat(call.action()).isEqualTo("DescribeFlowInfo");
        assertThat(call.payload()).isInstanceOf(ApiPayload.JsonBody.class);
    }

    @Test
    void theNodeSdkSigningTheHostWithoutItsPortIsAccepted() {
        SignedCall call = fixture.authenticator.authenticate(request("POST",
                headers("127.0.0.1:18080", "application/json", NODE_POST_SIGNATURE), null, "{\"FlowId\":\"f1\"}"));

        assertThat(call.caller().secretId()).isEqualTo("AKIDtest");
    }

    @Test
    void overGetTheQueryStringIsSignedAndBecomesTheFlattenedParameters() {
        SignedCall call = nodeGet("127.0.0.1:18080", NODE_GET_QUERY);

        assertThat(call.payload()).isEqualTo(new ApiPayload.Flattened(Map.of(
                "Operator.UserId", "yDxx", "FlowIds.0", "f1", "FlowGroupName", "合同 组+1")));
    }

    @Test
    void anotherHostOrAnotherQueryDoesNotMatch() {
        assertThatThrownBy(() -> nodeGet("localhost:18080", NODE_GET_QUERY))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.SIGNATURE_FAILURE);
        assertThatThrownBy(() -> nodeGet("127.0.0.1:18080", NODE_GET_QUERY.replace("f1", "f2")))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.SIGNATURE_FAILURE);
        // the body is signed too: a GET cannot smuggle one past the signature
        assertThatThrownBy(() -> fixture.authenticator.authenticate(request("GET",
                headers("127.0.0.1:18080", "application/x-www-form-urlencoded", NODE_GET_SIGNATURE),
                NODE_GET_QUERY, "x"))).hasFieldOrPropertyWithValue("code", ErrorCodes.SIGNATURE_FAILURE);
    }

    @Test
    void aFormBodyUnderTc3IsAnUnsupportedProtocol() {
        Map<String, String> headers = headers("127.0.0.1:18080", "application/x-www-form-urlencoded",
                NODE_POST_SIGNATURE);
        String canonical = Tc3Signature.canonicalRequest("POST", java.util.List.of(
                new Tc3Signature.SignedHeader("content-type", "application/x-www-form-urlencoded"),
                new Tc3Signature.SignedHeader("host", "127.0.0.1:18080")), org.apache.commons.codec.digest.DigestUtils.sha256Hex("A=1"));
        headers.put("Authorization", headers.get("Authorization").replace(NODE_POST_SIGNATURE,
                Tc3Signature.signature("secretKeyTest", "2026-11-24", "127", Tc3Signature.stringToSign(NOW, "127", canonical))));

        SignedCall call = fixture.authenticator.authenticate(request("POST", headers, null, "A=1"));

        assertThat(call.payload()).isInstanceOf(ApiPayload.Unsupported.class);
    }
}
