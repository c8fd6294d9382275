package io.signflow.flowgroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ApiJson;
import io.signflow.api.ApiRequestReader;
import io.signflow.api.ErrorCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * A CreateFlowGroupByFiles request that arrives as process variables instead of an API call (the
 * flow-group process started over the engine REST API or by a call activity): read and validated
 * exactly as the API reads and validates it, each refusal an ApiException with the API's code. The
 * organization stands where the API key's would; the operator is the request's Operator.
 */
@Component
public class EngineStartedGroups {

    private final ApiRequestReader reader;
    private final FlowGroupValidator validator;

    EngineStartedGroups(ApiRequestReader reader, FlowGroupValidator validator) {
        this.reader = reader;
        this.validator = validator;
    }

    /**
     * {@code requestBody}: the JSON body of CreateFlowGroupByFiles; its Operator may be left out, and
     * is then {@code operatorUserId}, but may not name anyone else.
     */
    public FlowGroupDraft validate(String organizationId, String operatorUserId, String requestBody) {
        if (organizationId == null || organizationId.isBlank() || operatorUserId == null || operatorUserId.isBlank()
                || requestBody == null) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "Start flow-group with the variables "
                    + "flowGroupRequest (the CreateFlowGroupByFiles body as JSON text), organizationId and "
                    + "operatorUserId.");
        }
        ObjectNode body = parse(requestBody);
        JsonNode named = body.path("Operator").path("UserId");
        if (!named.isMissingNode() && !named.asText().equals(operatorUserId)) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "Operator.UserId " + named.asText() + " is not the "
                    + "operatorUserId variable " + operatorUserId + ".");
        }
        if (named.isMissingNode()) {
            body.putObject("Operator").put("UserId", operatorUserId);
        }
        CreateFlowGroupByFilesRequest request = reader.read(body.toString().getBytes(StandardCharsets.UTF_8),
                CreateFlowGroupByFilesRequest.class);
        return validator.validate(new ApiCaller(organizationId, null, null), request);
    }

    private static ObjectNode parse(String requestBody) {
        try {
            if (ApiJson.MAPPER.readTree(requestBody) instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // answered below like any body that is not a JSON object
        }
        throw new ApiException(ErrorCodes.INVALID_PARAMETER, "flowGroupRequest must be a JSON object.");
    }
}
