package io.signflow.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Comparator;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns a request body into an action's request record, answering malformed input with the codes the
 * reference gives: bad JSON or a wrong type is InvalidParameter, an undeclared field UnknownParameter,
 * an absent required field ({@code @NotNull} on the record) MissingParameter, and an empty body for an
 * action that needs fields InvalidParameter.EmptyParams. Messages name the field by its wire path.
 */
@Component
public class ApiRequestReader {

    private final Validator validator;

    public ApiRequestReader(Validator validator) {
        this.validator = validator;
    }

    public <Q> Q read(byte[] body, Class<Q> type) {
        return toRequest(parseTree(body), type);
    }

    /** What a request carries, JSON or flattened, read into the same request record. */
    <Q> Q read(ApiPayload payload, Class<Q> type) {
        if (payload instanceof ApiPayload.Flattened flattened) {
            return toRequest(FlattenedParameters.unflatten(flattened.parameters()), type);
        }
        return read(((ApiPayload.JsonBody) payload).body(), type);
    }

    private <Q> Q toRequest(JsonNode tree, Class<Q> type) {
        refuseUnstorableText(tree, "");
        Q request;
        try {
            request = ApiJson.MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(ErrorCodes.UNKNOWN_PARAMETER,
                    "The field " + path(e) + " is not a parameter of this action.");
        } catch (MismatchedInputException e) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER,
                    "The field " + path(e) + " has the wrong type" + expected(e) + ".");
        } catch (JacksonException e) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "The request body could not be read as "
                    + type.getSimpleName() + ".");
        }
        Set<ConstraintViolation<Q>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            if (tree.isEmpty()) {
                throw new ApiException(ErrorCodes.EMPTY_PARAMS, "The request has no parameters.");
            }
            String missing = violations.stream().map(v -> wirePath(v.getPropertyPath()))
                    .min(Comparator.naturalOrder()).orElseThrow();
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "The parameter " + missing + " is required.");
        }
        return request;
    }

    private static JsonNode parseTree(byte[] body) {
        if (body.length == 0) {
            return ApiJson.MAPPER.createObjectNode();
        }
        try {
            JsonNode tree = ApiJson.MAPPER.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new ApiException(ErrorCodes.INVALID_PARAMETER, "The request body must be a JSON object.");
            }
            return tree;
        } catch (IOException e) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "The request body is not valid JSON.");
        }
    }

    /**
     * NUL characters and unpaired surrogates cannot be stored faithfully (PostgreSQL refuses NUL in
     * text) nor shown: they are refused wherever they appear, with the field named.
     */
    private static void refuseUnstorableText(JsonNode node, String path) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean unpaired = Character.isHighSurrogate(c) ? i + 1 == text.length()
                        || !Character.isLowSurrogate(text.charAt(++i)) : Character.isLowSurrogate(c);
                if (c == 0 || unpaired) {
                    throw new ApiException(ErrorCodes.INVALID_PARAMETER, "The field " + (path.isEmpty() ? "(body)" : path)
                            + " contains a character that is not valid text (NUL or a broken surrogate pair).");
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> refuseUnstorableText(e.getValue(),
                    path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseUnstorableText(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static String expected(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "";
        }
        if (Number.class.isAssignableFrom(target)) {
            return ": a number is expected";
        }
        if (target == String.class) {
            return ": a string is expected";
        }
        if (target == Boolean.class) {
            return ": true or false is expected";
        }
        if (target.isArray() || java.util.Collection.class.isAssignableFrom(target)) {
            return ": an array is expected";
        }
        return ": an object is expected";
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    static String wirePath(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.getIndex() != null && path.length() > 0) {
                path.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                path.append(path.isEmpty() ? "" : ".")
                        .append(Character.toUpperCase(name.charAt(0))).append(name.substring(1));
            }
        }
        return path.toString();
    }
}
