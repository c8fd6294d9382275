package io.signflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.ess.v20201111.EssClient;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesResponse;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowInfoRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowInfoResponse;
import com.tencentcloudapi.ess.v20201111.models.FlowDetailInfo;
import io.signflow.demo.DemoData;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official Java SDK in every profile it offers, against a server on a random port: TC3-HMAC-SHA256
 * over POST (JSON) and GET (query string), and signature v1 (HmacSHA1, HmacSHA256) over GET and POST
 * (form body). Each creates the seed's first group and reads it back. Then what v1 refuses: a request
 * sent twice, a stale timestamp, a query string over 32 KB; and that the record of used signatures
 * forgets them once their timestamp has left the window.
 */
class SdkRequestStylesIT extends ApiTestBase {

    private static final String BRIEFS_ACTION = "DescribeFlowBriefs";

    private EssClient sdk(String signMethod, String requestMethod) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + port);
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setReqMethod(requestMethod);
        ClientProfile profile = new ClientProfile();
        profile.setSignMethod(signMethod);
        profile.setHttpProfile(http);
        return new EssClient(new Credential(demo().secretId(), demo().secretKey()), "", profile);
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({
            ClientProfile.SIGN_TC3_256 + ", " + HttpProfile.REQ_POST,
            ClientProfile.SIGN_TC3_256 + ", " + HttpProfile.REQ_GET,
            ClientProfile.SIGN_SHA1 + ", " + HttpProfile.REQ_GET,
            ClientProfile.SIGN_SHA1 + ", " + HttpProfile.REQ_POST,
            ClientProfile.SIGN_SHA256 + ", " + HttpProfile.REQ_GET,
            ClientProfile.SIGN_SHA256 + ", " + HttpProfile.REQ_POST
    })
    void createsTheSeedGroupAndReadsItBack(String signMethod, String requestMethod) throws Exception {
        EssClient ess = sdk(signMethod, requestMethod);
        CreateFlowGroupByFilesRequest request = AbstractModel.fromJsonString(
                Files.readString(Path.of("docs/examples/create-flow-group-example-1.json")),
                CreateFlowGroupByFilesRequest.class);

        CreateFlowGroupByFilesResponse created = ess.CreateFlowGroupByFiles(request);

        assertThat(created.getFlowIds()).hasSize(request.getFlowGroupInfos().length);
        DescribeFlowInfoRequest describe = new DescribeFlowInfoRequest();
        describe.setOperator(request.getOperator());
        describe.setFlowGroupId(created.getFlowGroupId());
        DescribeFlowInfoResponse info = ess.DescribeFlowInfo(describe);
        assertThat(info.getFlowGroupId()).isEqualTo(created.getFlowGroupId());
        assertThat(info.getFlowGroupName()).isEqualTo(request.getFlowGroupName());
        assertThat(info.getFlowDetailInfos()).extracting(FlowDetailInfo::getFlowId)
                .containsExactly(created.getFlowIds());
        // Chinese text went through the query string or form encoding and back
        assertThat(info.getFlowDetailInfos()[0].getFlowName()).isEqualTo(request.getFlowGroupInfos()[0].getFlowName());
        assertThat(info.getFlowDetailInfos()[0].getFlowApproverInfos()).extracting(a -> a.getApproveName())
                .contains(request.getFlowGroupInfos()[0].getApprovers()[0].getApproverName());
    }

    /** A v1 GET as the SDK builds it, with the Nonce and Timestamp chosen here. */
    private String v1Query(Map<String, String> fields, long timestamp, String nonce) {
        Map<String, String> parameters = new TreeMap<>(fields);
        parameters.put("Action", BRIEFS_ACTION);
        parameters.put("Version", "2020-11-11");
        parameters.put("Timestamp", Long.toString(timestamp));
        parameters.put("Nonce", nonce);
        parameters.put("SecretId", demo().secretId());
        parameters.put("SignatureMethod", V1Signature.HMAC_SHA256);
        parameters.put("Signature", V1Signature.sign(demo().secretKey(), V1Signature.HMAC_SHA256,
                V1Signature.stringToSign("GET", demo().host(), parameters)));
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private JsonNode get(String query) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + demo().host() + "/?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.JSON.readTree(response.body()).get("Response");
    }

    private static String code(JsonNode response) {
        return response.has("Error") ? response.get("Error").get("Code").asText() : "OK";
    }

    private static Map<String, String> briefs() {
        return Map.of("Operator.UserId", DemoData.OPERATOR_ID, "FlowIds.0", "none");
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void aV1RequestSentTwiceIsRefusedTheSecondTime() throws Exception {
        String query = v1Query(briefs(), now(), "4711");

        assertThat(code(get(query))).isEqualTo("OK");
        assertThat(code(get(query))).isEqualTo(ErrorCodes.SIGNATURE_EXPIRE);
        assertThat(code(get(v1Query(briefs(), now(), "4712")))).isEqualTo("OK");
    }

    @Test
    void aV1RequestWithAStaleOrFutureTimestampIsRefused() throws Exception {
        // well past the 300 s either way, so that the second turning between signing and checking cannot matter
        assertThat(code(get(v1Query(briefs(), now() - 330, "1")))).isEqualTo(ErrorCodes.SIGNATURE_EXPIRE);
        assertThat(code(get(v1Query(briefs(), now() + 330, "2")))).isEqualTo(ErrorCodes.SIGNATURE_EXPIRE);
    }

    @Test
    void aV1RequestWithAWrongKeyOrAnUnknownIdOrAFieldOfTheWrongTypeGetsItsCode() throws Exception {
        String query = v1Query(briefs(), now(), "5");
        assertThat(code(get(query.replace("FlowIds.0=none", "FlowIds.0=nine"))))
                .isEqualTo(ErrorCodes.SIGNATURE_FAILURE);
        assertThat(code(get(query.replace("SecretId=" + demo().secretId(), "SecretId=AKIDnobody"))))
                .isEqualTo(ErrorCodes.SECRET_ID_NOT_FOUND);
        assertThat(code(get(v1Query(Map.of("Operator.UserId", DemoData.OPERATOR_ID, "FlowIds", "none"), now(), "6"))))
                .isEqualTo(ErrorCodes.INVALID_PARAMETER);
        assertThat(code(get(v1Query(Map.of("Operator.Colour", "red", "FlowIds.0", "none"), now(), "7"))))
                .isEqualTo(ErrorCodes.UNKNOWN_PARAMETER);
    }

    @Autowired
    private ReplayGuard replayGuard;

    @Test
    void aRecordedSignatureIsForgottenOnceItsTimestampHasLeftTheWindow() {
        String signature = "forget-" + UUID.randomUUID();
        assertThat(replayGuard.firstUse(demo().secretId(), signature, now() - 1)).isTrue();
        assertThat(replayGuard.firstUse(demo().secretId(), signature, now() - 1)).isFalse();

        replayGuard.forgetExpired();

        assertThat(replayGuard.firstUse(demo().secretId(), signature, now() + 600)).isTrue();
    }

    @Test
    void aQueryStringOver32KilobytesIsRequestSizeLimitExceeded() throws Exception {
        Map<String, String> fields = new TreeMap<>(briefs());
        fields.put("FlowIds.1", "x".repeat(33 * 1024));

        assertThat(code(get(v1Query(fields, now(), "8")))).isEqualTo(ErrorCodes.REQUEST_SIZE_LIMIT_EXCEEDED);
    }
}
