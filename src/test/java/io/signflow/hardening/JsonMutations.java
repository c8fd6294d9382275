package io.signflow.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.support.ApiClient;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutations of valid requests for fuzzing: a node somewhere in the body is replaced by a value of
 * another type or an extreme one, removed, multiplied, or joined by a field nobody declared.
 */
final class JsonMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    enum Kind { REPLACE, REMOVE, UNKNOWN_FIELD, MULTIPLY, EMPTY_ARRAY }

    private JsonMutations() {
    }

    /** Bodies made from the bases with one to three mutations each, some bases unchanged, some junk. */
    static Arbitrary<String> of(List<JsonNode> bases) {
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.of(bases), mutations().list().ofMinSize(1).ofMaxSize(3))
                .as((base, mutations) -> {
                    JsonNode body = base.deepCopy();
                    for (Mutation mutation : mutations) {
                        body = mutation.applyTo(body);
                    }
                    return body.toString();
                });
        // now and then a base as it is, so that every action's success path is taken too
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(18, mutated),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(bases).map(JsonNode::toString)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "{", "[]", "null", "\"text\"", "{\"a\":", "{}{}")));
    }

    record Mutation(Kind kind, int target, JsonNode value) {

        JsonNode applyTo(JsonNode body) {
            List<Slot> slots = new ArrayList<>();
            collect(body, slots);
            if (slots.isEmpty()) {
                return value;
            }
            Slot slot = slots.get(Math.floorMod(target, slots.size()));
            switch (kind) {
                case REPLACE -> slot.set(value);
                case REMOVE -> slot.remove();
                case UNKNOWN_FIELD -> {
                    if (slot.node() instanceof ObjectNode object) {
                        object.set("Surprise" + Math.abs(target % 97), value);
                    } else {
                        slot.set(value);
                    }
                }
                case MULTIPLY -> {
                    ArrayNode copies = NODES.arrayNode();
                    for (int i = 0; i < 60; i++) {
                        copies.add(slot.node().deepCopy());
                    }
                    slot.set(copies);
                }
                case EMPTY_ARRAY -> slot.set(NODES.arrayNode());
            }
            return body;
        }
    }

    private static Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.of(Kind.values()), Arbitraries.integers().between(0, 100_000), values())
                .as(Mutation::new);
    }

    /** Values of every JSON type, ordinary and hostile. */
    static Arbitrary<JsonNode> values() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "0", "1", "-1", "true", "null", "NaN", "1e309", "<script>alert(1)</script>",
                        "' or '1'='1", "\u0000", "\u202e\u0646\u0635", "😀👨‍👩‍👧", "\u200b", "\ud83d", "中文名称",
                        "yDwgAUUckp1tbkbgUukJIiCyj7014en1", "x".repeat(25_000), "合".repeat(5_000))
                        .map(NODES::textNode),
                Arbitraries.strings().ofMaxLength(300).map(NODES::textNode),
                Arbitraries.of(0L, -1L, 1L, 3L, 7L, Long.MAX_VALUE, Long.MIN_VALUE, 4_102_444_800L, 4_102_444_800_000L)
                        .map(NODES::numberNode),
                Arbitraries.of(0.5, -0.0, 1e300, 595.28).map(NODES::numberNode),
                Arbitraries.just(NODES.numberNode(new BigInteger("123456789012345678901234567890"))),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of("[]", "[1,2]", "[\"a\"]", "[null]", "[{}]", "{}", "{\"A\":1}", "[[[[]]]]")
                        .map(JsonMutations::parse));
    }

    private record Slot(JsonNode parent, String field, int index, JsonNode node) {

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                slots.add(new Slot(object, e.getKey(), -1, e.getValue()));
                collect(e.getValue(), slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i, array.get(i)));
                collect(array.get(i), slots);
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return ApiClient.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
