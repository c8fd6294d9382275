package io.signflow.api;

import static io.signflow.api.AuthenticatorFixture.NOW;
import static io.signflow.api.AuthenticatorFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.Sign;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signature v1 checked against the official Java SDK's own signing code (com.tencentcloudapi.common.Sign,
 * which its AbstractClient uses for the HmacSHA1 and HmacSHA256 profiles), and against a value the
 * Node.js SDK computed.
 */
class V1AuthenticatorTest {

    private final AuthenticatorFixture fixture = new AuthenticatorFixture();

    private static TreeMap<String, String> parameters(String algorithm, long timestamp, String nonce) {
        TreeMap<String, String> parameters = new TreeMap<>();
        parameters.put("Action", "DescribeFlowInfo");
        parameters.put("Version", "2020-11-11");
        parameters.put("Timestamp", Long.toString(timestamp));
        parameters.put("Nonce", nonce);
        parameters.put("SecretId", AuthenticatorFixture.SECRET_ID);
        parameters.put("SignatureMethod", algorithm);
        parameters.put("RequestClient", "SDK_JAVA_3.1.1200");
        parameters.put("FlowGroupId", "g1");
        parameters.put("Operator.UserId", "合同 u+1");
        return parameters;
    }

    /** Signed by the SDK's code, as its AbstractClient signs. */
    private static Map<String, String> sdkSigned(String method, String algorithm, long timestamp, String nonce)
            throws Exception {
        TreeMap<String, String> parameters = parameters(algorithm, timestamp, nonce);
        String text = Sign.makeSignPlainText(parameters, method, "127.0.0.1:18080", "/");
        parameters.put("Signature", Sign.sign(AuthenticatorFixture.SECRET_KEY, text, algorithm));
        return parameters;
    }

    private SignedCall authenticate(String method, Map<String, String> parameters) {
        return fixture.v1.authenticate(request(method, Map.of("Host", "127.0.0.1:18080"), null, ""), parameters);
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"HmacSHA1, GET", "HmacSHA1, POST", "HmacSHA256, GET", "HmacSHA256, POST"})
    void theStringToSignAndTheSignatureAreTheSdks(String algorithm, String method) throws Exception {
        TreeMap<String, String> parameters = parameters(algorithm, NOW, "123");
        String text = Sign.makeSignPlainText(parameters, method, "127.0.0.1:18080", "/");

        assertThat(V1Signature.stringToSign(method, "127.0.0.1:18080", parameters)).isEqualTo(text);
        assertThat(V1Signature.sign("secretKeyTest", algorithm, text))
                .isEqualTo(Sign.sign("secretKeyTest", text, algorithm));
    }

    @org.junit.jupiter.api.Test
    void theNodeSdksSignatureMatches() {
        String text = "POST127.0.0.1:18080/?Action=DescribeFlowInfo&FlowIds.0=f1&Nonce=11886&SecretId=AKIDtest"
                + "&SignatureMethod=HmacSHA256&Timestamp=1795550312&Version=2020-11-11";
        assertThat(V1Signature.sign("secretKeyTest", "HmacSHA256", text))
                .isEqualTo("Nc4XmDyMOIp+k3+iGLxGkcxphDDVNOsYC1gBOQ7z3T8=");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HmacSHA1", "HmacSHA256"})
    void anSdkSignedRequestNamesItsActionAndCarriesOnlyTheActionsFields(String algorithm) throws Exception {
        SignedCall call = authenticate("GET", sdkSigned("GET", algorithm, NOW, "123"));

        assertThat(call.action()).isEqualTo("DescribeFlowInfo");
        assertThat(call.version()).isEqualTo("2020-11-11");
        assertThat(call.caller().organizationId()).isEqualTo("org1");
        assertThat(call.payload()).isEqualTo(new ApiPayload.Flattened(
                Map.of("FlowGroupId", "g1", "Operator.UserId", "合同 u+1")));
    }

    @org.junit.jupiter.api.Test
    void theSameSignedRequestTwiceIsAReplay() throws Exception {
        Map<String, String> signed = sdkSigned("POST", "HmacSHA256", NOW, "123");
        authenticate("POST", signed);

        assertThatThrownBy(() -> authenticate("POST", signed))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.SIGNATURE_EXPIRE);
        // a new Nonce is a new request
        assertThat(authenticate("POST", sdkSigned("POST", "HmacSHA256", NOW, "124")).action())
                .isEqualTo("DescribeFlowInfo");
    }

    @org.junit.jupiter.api.Test
    void theChecksAreTc3sInTc3sOrder() throws Exception {
        Map<String, String> signed = sdkSigned("GET", "HmacSHA1", NOW, "123");

        TreeMap<String, String> stranger = new TreeMap<>(signed);
        stranger.put("SecretId", "AKIDother");
        assertThatThrownBy(() -> authenticate("GET", stranger))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.SECRET_ID_NOT_FOUND);
        assertThatThrownBy(() -> authenticate("GET", sdkSigned("GET", "HmacSHA1", NOW - 301, "123")))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.SIGNATURE_EXPIRE);
        TreeMap<String, String> tampered = new TreeMap<>(signed);
        tampered.put("FlowGroupId", "g2");
        assertThatThrownBy(() -> authenticate("GET", tampered))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.SIGNATURE_FAILURE);
        // signed for GET, sent as POST
        assertThatThrownBy(() -> authenticate("POST", signed))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.SIGNATURE_FAILURE);
        TreeMap<String, String> noNonce = new TreeMap<>(signed);
        noNonce.remove("Nonce");
        assertThatThrownBy(() -> authenticate("GET", noNonce))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.INVALID_AUTHORIZATION);
        TreeMap<String, String> md5 = new TreeMap<>(signed);
        md5.put("SignatureMethod", "HmacMD5");
        assertThatThrownBy(() -> authenticate("GET", md5))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.INVALID_AUTHORIZATION);
    }
}
