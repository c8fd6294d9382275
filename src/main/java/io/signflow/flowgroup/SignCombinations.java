package io.signflow.flowgroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.flowgroup.ComponentRules.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The signing-approval control (签批控件, SIGN_VIRTUAL_COMBINATION): a box that draws nothing itself
 * and groups up to four parts the signer completes together, at most one of each of SIGN_SIGNATURE,
 * SIGN_DATE, SIGN_SELECTOR and SIGN_MULTI_LINE_TEXT. ESS names the parts in ComponentExtra in one of
 * three ways, all taken here:
 * <ul>
 * <li>{@code Children}: the ComponentIds of the signer's own sign controls placed by coordinates,
 * which must lie inside the combination's box on its page (the combination itself placed by
 * coordinates too);
 * <li>{@code ChildrenComponents}: the parts described in place, each at ComponentOffsetX/Y from the
 * box's top-left with its own ComponentWidth/Height and ComponentExtra (any placement of the box);
 * <li>{@code ChildrenTypes}: only the parts' types, which Signflow stacks in the box top to bottom in
 * equal rows (a selector then offers 同意 and 不同意).
 * </ul>
 * A part described in place takes the combination's ComponentRequired. SIGN_SELECTOR and
 * SIGN_MULTI_LINE_TEXT exist only as parts.
 */
final class SignCombinations {

    static final String TYPE = "SIGN_VIRTUAL_COMBINATION";
    static final int MAX_PARTS = 4;
    private static final double TOLERANCE = 0.5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_CHOICES = "{\"Values\":[\"同意\",\"不同意\"]}";

    private SignCombinations() {
    }

    /**
     * The signer's sign controls with every combination's parts in place. {@code placed.get(i)} holds
     * what {@code raw.get(i)} was placed as.
     */
    static List<FlowGroupDraft.Component> resolve(String at, List<ComponentInfo> raw,
                                                  List<List<FlowGroupDraft.Component>> placed,
                                                  ComponentPlacement.Placer placer) {
        List<FlowGroupDraft.Component> controls = placed.stream().flatMap(List::stream).toList();
        Set<FlowGroupDraft.Component> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<FlowGroupDraft.Component> result = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String control = at + ".SignComponents[" + i + "]";
            for (FlowGroupDraft.Component c : placed.get(i)) {
                result.add(c);
                if (!c.type().equals(TYPE)) {
                    continue;
                }
                JsonNode extra = extra(control, c.extra());
                int ways = (extra.has("Children") ? 1 : 0) + (extra.has("ChildrenComponents") ? 1 : 0)
                        + (extra.has("ChildrenTypes") ? 1 : 0);
                if (ways != 1) {
                    throw refused(control, "a SIGN_VIRTUAL_COMBINATION names its parts in ComponentExtra with one of "
                            + "Children (ComponentIds), ChildrenComponents or ChildrenTypes.");
                }
                if (extra.has("Children")) {
                    if (!isNormal(raw.get(i))) {
                        throw refused(control, "Children name controls placed by coordinates, so the combination "
                                + "is placed by coordinates too; use ChildrenComponents with KEYWORD or FIELD.");
                    }
                    claimed.addAll(children(control, c, extra.get("Children"), controls, claimed));
                } else {
                    JsonNode parts = extra.has("ChildrenComponents") ? extra.get("ChildrenComponents")
                            : stacked(control, c, extra.get("ChildrenTypes"));
                    result.addAll(described(control, c, parts, raw.get(i).componentRequired(), placer));
                }
            }
        }
        for (int i = 0; i < raw.size(); i++) {
            for (FlowGroupDraft.Component c : placed.get(i)) {
                if (SignControlRules.PART_ONLY.contains(c.type()) && !claimed.contains(c)) {
                    throw refused(at + ".SignComponents[" + i + "]", c.type() + " exists only as a part of a "
                            + "SIGN_VIRTUAL_COMBINATION; name it in the combination's ComponentExtra.Children.");
                }
            }
        }
        return result;
    }

    private static List<FlowGroupDraft.Component> children(String at, FlowGroupDraft.Component box, JsonNode ids,
                                                           List<FlowGroupDraft.Component> controls,
                                                           Set<FlowGroupDraft.Component> claimed) {
        checkCount(at, "Children", ids);
        List<FlowGroupDraft.Component> parts = new ArrayList<>();
        Set<String> types = new HashSet<>();
        for (JsonNode id : ids) {
            String componentId = id.isTextual() ? id.asText().trim() : "";
            FlowGroupDraft.Component part = controls.stream()
                    .filter(c -> componentId.equals(c.componentId()) && !c.type().equals(TYPE)).findFirst()
                    .orElseThrow(() -> refused(at, "ComponentExtra.Children names \"" + componentId
                            + "\", which is not the ComponentId of another sign control of this signer."));
            if (!SignControlRules.PARTS.contains(part.type())) {
                throw refused(at, "a combination's parts are SIGN_SIGNATURE, SIGN_DATE, SIGN_SELECTOR and "
                        + "SIGN_MULTI_LINE_TEXT, not " + part.type() + ".");
            }
            if (!types.add(part.type())) {
                throw refused(at, "a combination has at most one part of each type; " + part.type() + " twice.");
            }
            if (claimed.contains(part) || parts.stream().anyMatch(p -> p == part)) {
                throw refused(at, "the control " + componentId + " is a part of another combination already.");
            }
            if (part.page() != box.page() || !inside(part, box)) {
                throw refused(at, "the part " + componentId + " must lie inside the combination's box on page "
                        + box.page() + ".");
            }
            parts.add(part);
        }
        return parts;
    }

    private static List<FlowGroupDraft.Component> described(String at, FlowGroupDraft.Component box, JsonNode parts,
                                                            Boolean required, ComponentPlacement.Placer placer) {
        checkCount(at, "ChildrenComponents", parts);
        List<FlowGroupDraft.Component> result = new ArrayList<>();
        Set<String> types = new HashSet<>();
        int k = 0;
        for (JsonNode part : parts) {
            String here = at + ".ComponentExtra.ChildrenComponents[" + k++ + "]";
            if (!part.isObject()) {
                throw refused(here, "each part is an object with ComponentType, ComponentWidth and ComponentHeight.");
            }
            String type = part.path("ComponentType").asText("").trim().toUpperCase(Locale.ROOT);
            if (!SignControlRules.PARTS.contains(type)) {
                throw refused(here, "ComponentType must be SIGN_SIGNATURE, SIGN_DATE, SIGN_SELECTOR or "
                        + "SIGN_MULTI_LINE_TEXT.");
            }
            if (!types.add(type)) {
                throw refused(here, "a combination has at most one part of each type; " + type + " twice.");
            }
            Double width = number(here, part, "ComponentWidth", null);
            Double height = number(here, part, "ComponentHeight", null);
            double offsetX = number(here, part, "ComponentOffsetX", 0.0);
            double offsetY = number(here, part, "ComponentOffsetY", 0.0);
            if (width == null || height == null) {
                throw new ApiException(ErrorCodes.MISSING_PARAMETER, "The parameter " + here
                        + ".ComponentWidth and ComponentHeight are required.");
            }
            JsonNode partExtra = part.get("ComponentExtra");
            String extraText = partExtra == null || partExtra.isNull() ? null
                    : partExtra.isTextual() ? partExtra.asText() : partExtra.toString();
            if (type.equals("SIGN_SELECTOR") && (extraText == null || extraText.isBlank())) {
                extraText = DEFAULT_CHOICES;
            }
            String name = part.hasNonNull("ComponentName") ? part.get("ComponentName").asText() : null;
            ComponentInfo info = new ComponentInfo(type, height, width, (long) box.page(), box.x() + offsetX,
                    box.y() + offsetY, 0L, "NORMAL", null, name, required, null, extraText, null, null, null, null,
                    null, null, null, null, null, null, null, null, null);
            for (FlowGroupDraft.Component placedPart : placer.check(here, info, Role.SIGN)) {
                if (!inside(placedPart, box)) {
                    throw refused(here, "the part must lie inside the combination's box.");
                }
                result.add(placedPart);
            }
        }
        return result;
    }

    /** ChildrenTypes as ChildrenComponents: the parts stacked in equal rows across the box. */
    private static JsonNode stacked(String at, FlowGroupDraft.Component box, JsonNode types) {
        checkCount(at, "ChildrenTypes", types);
        var parts = JSON.createArrayNode();
        double row = box.height() / types.size();
        int k = 0;
        for (JsonNode type : types) {
            parts.addObject().put("ComponentType", type.asText()).put("ComponentOffsetX", 0)
                    .put("ComponentOffsetY", row * k++).put("ComponentWidth", box.width()).put("ComponentHeight", row);
        }
        return parts;
    }

    private static void checkCount(String at, String field, JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_PARTS) {
            throw refused(at, "ComponentExtra." + field + " lists 1 to " + MAX_PARTS + " parts.");
        }
    }

    private static Double number(String at, JsonNode part, String field, Double fallback) {
        JsonNode value = part.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw refused(at, field + " must be a number of pt.");
    }

    private static boolean inside(FlowGroupDraft.Component part, FlowGroupDraft.Component box) {
        return part.x() >= box.x() - TOLERANCE && part.y() >= box.y() - TOLERANCE
                && part.x() + part.width() <= box.x() + box.width() + TOLERANCE
                && part.y() + part.height() <= box.y() + box.height() + TOLERANCE;
    }

    private static boolean isNormal(ComponentInfo c) {
        return c.generateMode() == null || c.generateMode().isBlank()
                || c.generateMode().trim().equalsIgnoreCase("NORMAL");
    }

    private static JsonNode extra(String at, String text) {
        try {
            JsonNode node = text == null ? null : JSON.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw refused(at, "a SIGN_VIRTUAL_COMBINATION needs ComponentExtra naming its parts.");
    }

    private static ApiException refused(String at, String message) {
        return new ApiException(ErrorCodes.SIGN_COMPONENTS, at + ": " + message);
    }
}
