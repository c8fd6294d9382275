package io.signflow.flowgroup;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.flowgroup.ComponentRules.Role;
import java.util.Set;

/**
 * What DISTRICT, DYNAMIC_TABLE, ATTACHMENT and WATERMARK controls need beyond a value of the right
 * form ({@link FillValueRules}), as ESS defines them:
 * <ul>
 * <li>WATERMARK is the initiator's only and must have its ComponentExtra (ESS: "只能分配给发起方，必须设置
 * ComponentExtra"): {@code Opacity} 0 to 1, {@code Rotate} 0 to 359, {@code Density} 1 to 3,
 * {@code Position} None, LeftTop, LeftBottom, RightTop, RightBottom or Center, {@code SubType}
 * CUSTOM_WATERMARK; its text is the ComponentValue. PERSON_INFO_WATERMARK (the viewer's own details,
 * drawn anew for every viewer) has no meaning in one signed file and is not offered.
 * <li>DYNAMIC_TABLE needs its columns: ComponentExtra's {@code headers} (and {@code rowCount}, the most
 * rows), or, from the initiator, a whole table as its value.
 * <li>ATTACHMENT from a signer is uploaded on the signer page, so an approver's control takes no value
 * at creation.
 * </ul>
 */
final class FillControlRules {

    static final Set<String> TYPES = Set.of("DISTRICT", "DYNAMIC_TABLE", "ATTACHMENT", "WATERMARK");
    private static final Set<String> POSITIONS = Set.of("None", "LeftTop", "LeftBottom", "RightTop", "RightBottom",
            "Center");

    private FillControlRules() {
    }

    /** Refuses a control its filler cannot have. */
    static void checkRole(String at, String type, Role role) {
        if (role == Role.APPROVER_FILL && "WATERMARK".equals(type)) {
            throw new ApiException(ErrorCodes.NO_SUPPORT_COMPONENT_TYPE, at + ": a WATERMARK is the initiator's; put "
                    + "it in the sub-contract's Components.");
        }
    }

    static void check(String at, String type, Role role, JsonNode extra, String value) {
        switch (type) {
            case "WATERMARK" -> watermark(at, extra, value);
            case "DYNAMIC_TABLE" -> table(at, extra, value);
            case "ATTACHMENT" -> {
                if (role == Role.APPROVER_FILL && value != null && !value.isBlank()) {
                    throw new ApiException(ErrorCodes.COMPONENT_VALUE, at + ".ComponentValue: a signer's ATTACHMENT "
                            + "is filled with the images they upload on the signer page; leave it empty.");
                }
            }
            default -> {
            }
        }
    }

    private static void watermark(String at, JsonNode extra, String value) {
        if (extra.isEmpty()) {
            throw new ApiException(ErrorCodes.COMPONENT_VALUE, at + ": a WATERMARK needs its ComponentExtra (for "
                    + "example {\"FontSize\":20,\"Opacity\":0.2,\"Rotate\":45,\"Density\":2}).");
        }
        JsonNode subType = extra.get("SubType");
        if (subType != null && "PERSON_INFO_WATERMARK".equals(subType.asText())) {
            throw new ApiException(ErrorCodes.NO_SUPPORT_COMPONENT_TYPE, at + ".ComponentExtra.SubType "
                    + "PERSON_INFO_WATERMARK is not offered: a signed file cannot show each viewer their own details.");
        }
        require(at, "SubType", subType == null || "CUSTOM_WATERMARK".equals(subType.asText()), "CUSTOM_WATERMARK");
        JsonNode opacity = extra.get("Opacity");
        require(at, "Opacity", opacity == null || opacity.isNumber() && opacity.asDouble() >= 0
                && opacity.asDouble() <= 1, "between 0 and 1");
        JsonNode rotate = extra.get("Rotate");
        require(at, "Rotate", rotate == null || rotate.isIntegralNumber() && rotate.asInt() >= 0
                && rotate.asInt() <= 359, "a whole number of degrees from 0 to 359");
        JsonNode density = extra.get("Density");
        require(at, "Density", density == null || density.isIntegralNumber() && density.asInt() >= 1
                && density.asInt() <= 3, "1 (loose), 2 (standard) or 3 (dense)");
        JsonNode position = extra.get("Position");
        require(at, "Position", position == null || POSITIONS.contains(position.asText()), "one of " + POSITIONS);
        if (value == null || value.isBlank()) {
            throw new ApiException(ErrorCodes.MISSING_REQUIRED_COMPONENT_VALUE, at + ": a WATERMARK's ComponentValue "
                    + "is its text; give it.");
        }
    }

    private static void table(String at, JsonNode extra, String value) {
        DynamicTableValue.Columns columns;
        try {
            columns = DynamicTableValue.columns(extra);
        } catch (DynamicTableValue.Invalid e) {
            throw new ApiException(ErrorCodes.COMPONENT_VALUE, at + ".ComponentExtra: " + e.getMessage() + ".");
        }
        if (columns == null && (value == null || value.isBlank())) {
            throw new ApiException(ErrorCodes.COMPONENT_VALUE, at + ": a DYNAMIC_TABLE needs its columns: "
                    + "ComponentExtra {\"headers\":[{\"content\":\"...\"}],\"rowCount\":10} or a whole table as "
                    + "its ComponentValue.");
        }
    }

    private static void require(String at, String field, boolean valid, String expected) {
        if (!valid) {
            throw new ApiException(ErrorCodes.COMPONENT_VALUE, at + ".ComponentExtra." + field + " must be " + expected
                    + ".");
        }
    }
}
