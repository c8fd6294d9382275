package io.signflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns parameters flattened the way the SDKs flatten them for GET and form requests
 * ({@code FlowGroupInfos.0.Approvers.1.ApproverName=...}) back into the JSON object a POST body would
 * carry: a name segment is an object's field, a number is an array's index. Every value stays a JSON
 * string; the request reader then takes it by the type of the field it lands in, as it takes a JSON
 * body (text fields as they are, "7" for a number, "true" for true/false), so one request reads the
 * same flattened or as JSON. Indexes must run 0, 1, 2... without holes, and a name cannot be both a
 * value and a container.
 */
final class FlattenedParameters {

    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,8}");

    private FlattenedParameters() {
    }

    static ObjectNode unflatten(Map<String, String> parameters) {
        Container root = new Container(false);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String[] segments = name.split("\\.", -1);
            Container container = root;
            for (int i = 0; i < segments.length; i++) {
                Object key = key(segments[i], name, container);
                if (i == segments.length - 1) {
                    container.put(key, parameter.getValue(), name);
                } else {
                    container = container.child(key, isIndex(segments[i + 1]), name);
                }
            }
        }
        return (ObjectNode) root.toJson("");
    }

    private static boolean isIndex(String segment) {
        return INDEX.matcher(segment).matches();
    }

    private static Object key(String segment, String name, Container container) {
        if (segment.isEmpty()) {
            throw invalid("The parameter name " + name + " has an empty part.");
        }
        if (!isIndex(segment) && segment.chars().allMatch(Character::isDigit)) {
            throw invalid("The parameter " + name + " has " + segment + " where an index is written 0, 1, 2... "
                    + "(no leading zeros, at most 9 digits).");
        }
        if (container.array) {
            if (!isIndex(segment)) {
                throw invalid("The parameter " + name + " needs an array index (0, 1, ...) where it has " + segment + ".");
            }
            return Integer.parseInt(segment);
        }
        if (isIndex(segment)) {
            throw invalid("The parameter " + name + " has an index where a field name is expected.");
        }
        return segment;
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCodes.INVALID_PARAMETER, message);
    }

    /** An object (fields by name, in order of appearance) or an array (items by index) being filled. */
    private static final class Container {
        final boolean array;
        final Map<Object, Object> items;

        Container(boolean array) {
            this.array = array;
            this.items = array ? new TreeMap<>() : new LinkedHashMap<>();
        }

        void put(Object key, String value, String name) {
            if (items.putIfAbsent(key, value) != null) {
                throw invalid("The parameter " + name + " is given as a value and as a list or object.");
            }
        }

        Container child(Object key, boolean array, String name) {
            Object existing = items.computeIfAbsent(key, k -> new Container(array));
            if (!(existing instanceof Container child) || child.array != array) {
                throw invalid("The parameter " + name + " does not fit the shape the other parameters give it.");
            }
            return child;
        }

        JsonNode toJson(String path) {
            if (!array) {
                ObjectNode object = ApiJson.MAPPER.createObjectNode();
                items.forEach((key, value) -> object.set((String) key,
                        toJson(value, path.isEmpty() ? (String) key : path + "." + key)));
                return object;
            }
            ArrayNode list = ApiJson.MAPPER.createArrayNode();
            for (Map.Entry<Object, Object> item : items.entrySet()) {
                if ((Integer) item.getKey() != list.size()) {
                    throw invalid("The parameter " + path + "." + list.size() + " is missing: indexes start at 0 "
                            + "and leave no gaps.");
                }
                list.add(toJson(item.getValue(), path + "." + item.getKey()));
            }
            return list;
        }

        private static JsonNode toJson(Object value, String path) {
            return value instanceof Container container ? container.toJson(path)
                    : ApiJson.MAPPER.getNodeFactory().textNode((String) value);
        }
    }
}
