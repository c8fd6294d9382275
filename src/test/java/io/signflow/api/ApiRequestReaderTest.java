package io.signflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which JSON types a request field takes: its own, and a number written as a string; nothing else. */
class ApiRequestReaderTest {

    record Probe(String name, Long count, Double position, Boolean flag, List<String> ids) {
    }

    private final ApiRequestReader reader = new ApiRequestReader(
            Validation.buildDefaultValidatorFactory().getValidator());

    private Probe read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), Probe.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"Name\":\"x\",\"Count\":7,\"Position\":1.5,\"Flag\":true,\"Ids\":[\"a\"]} | x | 7 | 1.5 | true",
            // numbers as strings, as the seed sends ApproverType
            "{\"Name\":\"x\",\"Count\":\"7\",\"Position\":\"1.5\",\"Flag\":false,\"Ids\":[]} | x | 7 | 1.5 | false",
            // an integer where a decimal is expected is the same number
            "{\"Name\":\"x\",\"Count\":7,\"Position\":100,\"Flag\":true,\"Ids\":[]} | x | 7 | 100.0 | true"
    })
    void theFieldsOwnTypesAndNumericStringsAreAccepted(String json, String name, long count, double position,
                                                         boolean flag) {
        Probe probe = read(json);
        assertThat(probe.name()).isEqualTo(name);
        assertThat(probe.count()).isEqualTo(count);
        assertThat(probe.position()).isEqualTo(position);
        assertThat(probe.flag()).isEqualTo(flag);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"Name\":123}",
            "{\"Name\":1.5}",
            "{\"Name\":true}",
            "{\"Name\":{\"A\":1}}",
            "{\"Name\":[\"x\"]}",
            "{\"Ids\":[1]}",
            "{\"Ids\":\"a\"}",
            "{\"Count\":\"seven\"}",
            "{\"Count\":1.5}",
            "{\"Count\":true}",
            "{\"Position\":\"far\"}",
            "{\"Flag\":1}",
            "{\"Flag\":0.0}",
            "{\"Flag\":\"maybe\"}"
    })
    void anyOtherTypeIsInvalidParameterNamingTheField(String json) {
        String field = json.substring(2, json.indexOf('"', 2));
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_PARAMETER);
            assertThat(e.getMessage()).contains(field);
        });
    }
}
