package io.signflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.AbstractModel;
import io.signflow.flowgroup.CreateFlowGroupByFilesRequest;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flattened parameters back into JSON, and into the same request records a JSON body gives. */
class FlattenedParametersTest {

    private final ApiRequestReader reader = new ApiRequestReader(
            Validation.buildDefaultValidatorFactory().getValidator());

    record Probe(String name, Long count, Boolean flag, List<String> ids, Inner inner, List<Inner> inners) {
    }

    record Inner(String mobile, Long type) {
    }

    private static Map<String, String> parameters(String... pairs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return parameters;
    }

    @Test
    void dotsAreFieldsAndNumbersAreIndexesAndEveryValueStaysText() {
        assertThat(FlattenedParameters.unflatten(parameters(
                "FlowGroupInfos.0.Approvers.1.ApproverName", "张三",
                "FlowGroupInfos.0.Approvers.0.ApproverName", "李四",
                "FlowGroupInfos.1.FileIds.0", "f",
                "FlowGroupInfos.0.FileIds.0", "e",
                "Operator.UserId", "u1",
                "Unordered", "true")).toString())
                .isEqualTo("{\"FlowGroupInfos\":[{\"Approvers\":[{\"ApproverName\":\"李四\"},{\"ApproverName\":\"张三\"}],"
                        + "\"FileIds\":[\"e\"]},{\"FileIds\":[\"f\"]}],\"Operator\":{\"UserId\":\"u1\"},"
                        + "\"Unordered\":\"true\"}");
    }

    @Test
    void valuesTakeTheTypeOfTheFieldTheyLandIn() {
        Probe probe = reader.read(new ApiPayload.Flattened(parameters(
                "Name", "18888888888", "Count", "7", "Flag", "true", "Ids.0", "a", "Ids.1", "b",
                "Inner.Mobile", "0123", "Inner.Type", "1", "Inners.0.Type", "3")), Probe.class);

        // text stays text, even when it looks like a number; numbers and true/false as in a JSON body
        assertThat(probe).isEqualTo(new Probe("18888888888", 7L, true, List.of("a", "b"), new Inner("0123", 1L),
                List.of(new Inner(null, 3L))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Count=seven", "Count=1.5", "Flag=maybe", "Ids=a", "Inner=x"})
    void aValueThatDoesNotFitItsFieldIsInvalidParameterAsInJson(String pair) {
        String[] nameValue = pair.split("=");
        assertThatThrownBy(() -> reader.read(new ApiPayload.Flattened(parameters(nameValue[0], nameValue[1])),
                Probe.class)).hasFieldOrPropertyWithValue("code", ErrorCodes.INVALID_PARAMETER);
    }

    @Test
    void anUnknownFieldIsUnknownParameterAsInJson() {
        assertThatThrownBy(() -> reader.read(new ApiPayload.Flattened(parameters("Inner.Colour", "red")), Probe.class))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.UNKNOWN_PARAMETER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Ids.1",            // a hole: index 0 is missing
            "Ids.01",           // not an index, and not a field name either
            "Ids..0",           // an empty part
            "0",                // the request itself is an object
            "Inner.0",          // Inner is an object in the other parameter
            "Name.First"        // Name is a value in the other parameter
    })
    void shapesThatNoJsonObjectHasAreInvalidParameter(String name) {
        Map<String, String> parameters = parameters("Name", "x", "Inner.Mobile", "1", name, "v");
        assertThatThrownBy(() -> FlattenedParameters.unflatten(parameters))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.INVALID_PARAMETER);
    }

    @Test
    void theSeedExampleFlattenedByTheJavaSdkReadsAsTheSameRequestAsItsJson() throws Exception {
        String json = Files.readString(Path.of("docs/examples/create-flow-group-example-1.json"));
        HashMap<String, String> flattened = new HashMap<>();
        AbstractModel.fromJsonString(json,
                com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesRequest.class).toMap(flattened, "");
        assertThat(flattened).containsKey("FlowGroupInfos.0.Approvers.1.ApproverName");

        CreateFlowGroupByFilesRequest fromJson = reader.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                CreateFlowGroupByFilesRequest.class);
        CreateFlowGroupByFilesRequest fromParameters = reader.read(new ApiPayload.Flattened(flattened),
                CreateFlowGroupByFilesRequest.class);

        assertThat((Object) ApiJson.MAPPER.valueToTree(fromParameters)).isEqualTo(ApiJson.MAPPER.valueToTree(fromJson));
    }

    @Test
    void formEncodingIsDecodedAndANameGivenTwiceIsRefused() {
        assertThat(FormParameters.parse("A=%E5%90%88+1%2B1&B.0=&C")).containsExactly(
                Map.entry("A", "合 1+1"), Map.entry("B.0", ""), Map.entry("C", ""));
        assertThatThrownBy(() -> FormParameters.parse("A=1&A=2"))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.INVALID_PARAMETER);
        assertThatThrownBy(() -> FormParameters.parse("A=%E5%9"))
                .hasFieldOrPropertyWithValue("code", ErrorCodes.INVALID_PARAMETER);
    }
}
