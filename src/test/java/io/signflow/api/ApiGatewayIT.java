package io.signflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

/**
 * The API 3.0 front door: every answer, refusals included, is HTTP 200 with the envelope and a
 * RequestId; authentication, protocol and body errors get their documented codes in the documented
 * order.
 */
class ApiGatewayIT extends ApiTestBase {

    private static final String BRIEFS = "{\"Operator\":{\"UserId\":\"" + io.signflow.demo.DemoData.OPERATOR_ID
            + "\"},\"FlowIds\":[\"none\"]}";

    private Map<String, String> signed(String action, String body, long timestamp) {
        return new HashMap<>(Tc3Signature.clientHeaders(demo().secretId(), demo().secretKey(), demo().host(), action,
                "2020-11-11", timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode send(Map<String, String> headers, String body) {
        return demo().send(headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String code(JsonNode response) {
        assertThat(response.get("RequestId").asText()).isNotBlank();
        return response.has("Error") ? response.get("Error").get("Code").asText() : "OK";
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void aCorrectlySignedRequestSucceeds() {
        assertThat(code(send(signed("DescribeFlowBriefs", BRIEFS, now()), BRIEFS))).isEqualTo("OK");
    }

    @Test
    void authenticationFailuresHaveTheirCodes() {
        Map<String, String> missing = signed("DescribeFlowBriefs", BRIEFS, now());
        missing.remove("Authorization");
        assertThat(code(send(missing, BRIEFS))).isEqualTo("AuthFailure.InvalidAuthorization");

        Map<String, String> v1 = signed("DescribeFlowBriefs", BRIEFS, now());
        v1.put("Authorization", "HmacSHA256 whatever");
        assertThat(code(send(v1, BRIEFS))).isEqualTo("AuthFailure.InvalidAuthorization");

        ApiClient stranger = new ApiClient(port, "AKIDunknownunknownunknownunknown0000", "x");
        assertThat(stranger.code("DescribeFlowBriefs", BRIEFS)).isEqualTo("AuthFailure.SecretIdNotFound");

        ApiClient wrongKey = new ApiClient(port, demo().secretId(), "not-the-key");
        assertThat(wrongKey.code("DescribeFlowBriefs", BRIEFS)).isEqualTo("AuthFailure.SignatureFailure");

        long stale = now() - 301;
        assertThat(code(send(signed("DescribeFlowBriefs", BRIEFS, stale), BRIEFS))).isEqualTo("AuthFailure.SignatureExpire");
        // ahead by more than the window and a margin: the request's own time in flight brings it closer
        assertThat(code(send(signed("DescribeFlowBriefs", BRIEFS, now() + 330), BRIEFS)))
                .isEqualTo("AuthFailure.SignatureExpire");

        Map<String, String> tampered = signed("DescribeFlowBriefs", BRIEFS, now());
        assertThat(code(send(tampered, BRIEFS.replace("none", "nine")))).isEqualTo("AuthFailure.SignatureFailure");

        Map<String, String> otherDate = signed("DescribeFlowBriefs", BRIEFS, now());
        otherDate.put("Authorization", otherDate.get("Authorization").replaceFirst("/\\d{4}-\\d{2}-\\d{2}/", "/2001-01-01/"));
        assertThat(code(send(otherDate, BRIEFS))).isEqualTo("AuthFailure.SignatureFailure");
    }

    @Test
    void actionAndVersionAreChecked() {
        Map<String, String> noAction = signed("DescribeFlowBriefs", BRIEFS, now());
        noAction.remove("X-TC-Action");
        assertThat(code(send(noAction, BRIEFS))).isEqualTo("MissingParameter");

        assertThat(code(send(signed("DescribeNothing", BRIEFS, now()), BRIEFS))).isEqualTo("InvalidAction");

        Map<String, String> oldVersion = signed("DescribeFlowBriefs", BRIEFS, now());
        oldVersion.put("X-TC-Version", "2019-01-01");
        assertThat(code(send(oldVersion, BRIEFS))).isEqualTo("NoSuchVersion");
    }

    /** Headers signed for any method and Content-Type, as a client other than the SDK might send them. */
    private Map<String, String> signedAs(String method, String contentType, String body) {
        long timestamp = now();
        String date = Tc3Signature.utcDate(timestamp);
        String canonical = Tc3Signature.canonicalRequest(method, java.util.List.of(
                new Tc3Signature.SignedHeader("content-type", contentType),
                new Tc3Signature.SignedHeader("host", demo().host())), DigestUtils.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
        String signature = Tc3Signature.signature(demo().secretKey(), date, "127",
                Tc3Signature.stringToSign(timestamp, "127", canonical));
        Map<String, String> headers = signed("DescribeFlowBriefs", body, timestamp);
        headers.put("Content-Type", contentType);
        headers.put("Authorization", Tc3Signature.ALGORITHM + " Credential=" + demo().secretId() + "/" + date
                + "/127/tc3_request, SignedHeaders=content-type;host, Signature=" + signature);
        return headers;
    }

    private HttpResponse<String> raw(String method, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + demo().host() + "/"))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String envelopeCode(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return code(ApiClient.JSON.readTree(response.body()).get("Response"));
    }

    @Test
    void somethingOtherThanTheDocumentedStylesIsUnsupportedProtocolOnceAuthenticatedWithHttp200() throws Exception {
        // the reference checks authentication first (1.3): a bare GET is refused for its missing signature
        assertThat(envelopeCode(raw("GET", Map.of(), ""))).isEqualTo("AuthFailure.InvalidAuthorization");

        // TC3 over GET is a documented style: an empty query string is a request without parameters
        Map<String, String> get = signedAs("GET", "application/x-www-form-urlencoded", "");
        get.remove("Host");
        assertThat(envelopeCode(raw("GET", get, ""))).isEqualTo("InvalidParameter.EmptyParams");

        Map<String, String> put = signedAs("PUT", "application/json; charset=utf-8", BRIEFS);
        put.remove("Host");
        assertThat(envelopeCode(raw("PUT", put, BRIEFS))).isEqualTo("UnsupportedProtocol");

        String form = "FlowIds=none";
        Map<String, String> formPost = signedAs("POST", "application/x-www-form-urlencoded", form);
        formPost.remove("Host");
        assertThat(envelopeCode(raw("POST", formPost, form))).isEqualTo("UnsupportedProtocol");

        // signed for JSON, sent as something else: the signature no longer matches
        Map<String, String> relabelled = signed("DescribeFlowBriefs", BRIEFS, now());
        relabelled.put("Content-Type", "text/plain");
        assertThat(code(send(relabelled, BRIEFS))).isEqualTo("AuthFailure.SignatureFailure");
    }

    @Test
    void anAcceptHeaderThatIsNotJsonStillGetsTheEnvelope() throws Exception {
        for (String accept : java.util.List.of("text/html", "application/xml", "image/png")) {
            Map<String, String> headers = signed("DescribeFlowBriefs", BRIEFS, now());
            headers.remove("Host");
            headers.put("Accept", accept);
            assertThat(envelopeCode(raw("POST", headers, BRIEFS))).as(accept).isEqualTo("OK");
            assertThat(envelopeCode(raw("GET", Map.of("Accept", accept), ""))).as(accept)
                    .isEqualTo("AuthFailure.InvalidAuthorization");
        }
    }

    @Test
    void aBodyOverTenMegabytesIsRefused() {
        String huge = "{\"FlowGroupName\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        assertThat(code(send(signed("CreateFlowGroupByFiles", huge, now()), huge))).isEqualTo("RequestSizeLimitExceeded");
    }

    @Test
    void bodyShapeErrorsNameTheField() {
        JsonNode malformed = demo().call("DescribeFlowBriefs", "{\"Operator\":");
        assertThat(code(malformed)).isEqualTo("InvalidParameter");

        JsonNode unknown = demo().call("DescribeFlowBriefs", BRIEFS.replace("{\"Operator\"", "{\"Colour\":1,\"Operator\""));
        assertThat(code(unknown)).isEqualTo("UnknownParameter");
        assertThat(unknown.at("/Error/Message").asText()).contains("Colour");

        JsonNode wrongType = demo().call("DescribeFlowBriefs", BRIEFS.replace("[\"none\"]", "\"none\""));
        assertThat(code(wrongType)).isEqualTo("InvalidParameter");
        assertThat(wrongType.at("/Error/Message").asText()).contains("FlowIds");

        JsonNode missing = demo().call("DescribeFlowBriefs", "{\"FlowIds\":[\"x\"]}");
        assertThat(code(missing)).isEqualTo("MissingParameter");
        assertThat(missing.at("/Error/Message").asText()).contains("Operator");

        assertThat(code(demo().call("CreateFlowGroupByFiles", "{}"))).isEqualTo("InvalidParameter.EmptyParams");
        assertThat(code(demo().call("CreateFlowGroupByFiles", ""))).isEqualTo("InvalidParameter.EmptyParams");
        assertThat(code(demo().call("DescribeFlowBriefs", "[1,2]"))).isEqualTo("InvalidParameter");
    }

    @Test
    void numbersGivenAsStringsAreAcceptedButNotWords() {
        String body = Requests.seedText(1).replace("\"ComponentPage\": 1", "\"ComponentPage\": \"1\"");
        assertThat(demo().code("CreateFlowGroupByFiles", body)).isEqualTo("OK");
        String word = Requests.seedText(1).replace("\"ApproverType\": 3", "\"ApproverType\": \"three\"");
        JsonNode refused = demo().call("CreateFlowGroupByFiles", word);
        assertThat(code(refused)).isEqualTo("InvalidParameter");
        assertThat(refused.at("/Error/Message").asText()).contains("FlowGroupInfos[0].Approvers[0].ApproverType");
    }

    @Test
    void theRateLimitAnswersRequestLimitExceeded() {
        // the tests configure DescribeBillUsage at 5 requests per second and organization
        String body = "{\"StartTime\":\"20260101\",\"EndTime\":\"20260102\"}";
        ApiClient tenant = tenants().create(null, 1, 0).api();
        var answers = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> tenant.code("DescribeBillUsage", body))).toList()
                .stream().map(CompletableFuture::join).toList();
        assertThat(answers).contains("OK", "RequestLimitExceeded").containsOnly("OK", "RequestLimitExceeded");
    }
}
