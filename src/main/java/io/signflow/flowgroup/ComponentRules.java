package io.signflow.flowgroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.common.Texts;
import io.signflow.document.PageGeometry;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks one control, placed at NORMAL coordinates ({@link ComponentPlacement} turns KEYWORD and
 * FIELD controls into those), against its kind and the real page it sits on, and resolves it to an
 * absolute page and box. Sign controls belong to approvers; fill controls to the initiator (filled now) or to
 * an approver (filled when signing).
 */
final class ComponentRules {

    /** Sign controls Signflow draws ({@link SignControlRules}). */
    static final Set<String> SIGN_TYPES = SignControlRules.TYPES;
    /** Fill controls Signflow draws. FILL_IMAGE and WATERMARK are the initiator's only. */
    static final Set<String> FILL_TYPES = Set.of("TEXT", "MULTI_LINE_TEXT", "CHECK_BOX", "DATE", "SELECTOR",
            "FILL_IMAGE", "DISTRICT", "DYNAMIC_TABLE", "ATTACHMENT", "WATERMARK");
    private static final Set<String> OTHER_FILL_TYPES = Set.of("VIRTUAL_COMBINATION");
    private static final Set<String> DATE_FORMATS = Set.of("yyyy m d", "yyyy年m月d日", "yyyy/m/d", "yyyy-m-d",
            "yyyy.m.d");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The width of the column that keeps ComponentExtra; ESS names no limit. */
    static final int MAX_EXTRA = 2000;
    static final int MAX_NAME = 20;

    private ComponentRules() {
    }

    enum Role { SIGN, INITIATOR_FILL, APPROVER_FILL }

    static FlowGroupDraft.Component check(String at, ComponentInfo c, Role role, List<PageGeometry> pages) {
        String type = c.componentType().trim().toUpperCase(Locale.ROOT);
        String wrongCode = role == Role.SIGN ? ErrorCodes.SIGN_COMPONENTS : ErrorCodes.COMPONENT_VALUE;
        checkType(at, type, role);
        if (c.fileIndex() != 0) {
            throw new ApiException(ErrorCodes.COMPONENT_FILE_INDEX, at + ".FileIndex must be 0: each sub-contract has one file.");
        }
        int page = resolvePage(at + ".ComponentPage", c.componentPage(), pages.size());
        PageGeometry geometry = pages.get(page - 1);
        double x = c.componentPosX();
        double y = c.componentPosY();
        double width = c.componentWidth();
        double height = c.componentHeight();
        if (!(width > 0 && height > 0) || Double.isNaN(x) || Double.isNaN(y)) {
            throw new ApiException(ErrorCodes.COMPONENT_POSITION, at + ": ComponentWidth and ComponentHeight must be "
                    + "greater than 0.");
        }
        boolean onPage = SignControlRules.PAGING.contains(type)
                ? y >= 0 && y + height <= geometry.height() + 0.5 && width <= geometry.width()
                : geometry.contains(x, y, width, height);
        if (!onPage) {
            throw new ApiException(ErrorCodes.COMPONENT_POSITION, String.format(Locale.ROOT,
                    "%s: the box at (%.1f, %.1f) of %.1f x %.1f pt does not fit on page %d, which is %.1f x %.1f pt "
                            + "(origin top-left).", at, x, y, width, height, page, geometry.width(), geometry.height()));
        }
        String componentId = Texts.blankToNull(c.componentId());
        if (componentId != null && !TextRules.isComponentId(componentId)) {
            throw new ApiException(wrongCode, at + ".ComponentId must be 1-30 CJK characters, letters, digits or _.");
        }
        String name = Texts.blankToNull(c.componentName());
        if (name != null && name.length() > MAX_NAME) {
            throw new ApiException(wrongCode, at + ".ComponentName must be at most " + MAX_NAME + " characters.");
        }
        JsonNode extra = extra(at, c.componentExtra(), wrongCode);
        checkExtra(at, type, extra, wrongCode);
        FillControlRules.check(at, type, role, extra, c.componentValue());
        SignControlRules.checkExtra(at, type, extra, wrongCode);
        boolean required = role == Role.SIGN ? SignControlRules.required(type, c.componentRequired())
                : Boolean.TRUE.equals(c.componentRequired());
        String value = role == Role.SIGN ? SignControlRules.value(at, type, c.componentValue(), wrongCode)
                : fillValue(at, type, c.componentValue(), required, role, extra);
        return new FlowGroupDraft.Component(type, componentId, name, page, x, y, width, height, required, value,
                Texts.blankToNull(c.componentExtra()));
    }

    private static void checkType(String at, String type, Role role) {
        boolean sign = SIGN_TYPES.contains(type);
        boolean fill = FILL_TYPES.contains(type);
        if (role == Role.SIGN && fill || role != Role.SIGN && sign) {
            throw new ApiException(ErrorCodes.SIGN_COMPONENTS, at + ".ComponentType " + type + " is a "
                    + (sign ? "sign control; put it in SignComponents." : "fill control; put it in Components."));
        }
        if (role == Role.APPROVER_FILL && "FILL_IMAGE".equals(type)) {
            throw new ApiException(ErrorCodes.NO_SUPPORT_COMPONENT_TYPE, at + ": FILL_IMAGE is filled by the initiator only.");
        }
        FillControlRules.checkRole(at, type, role);
        if (!sign && !fill) {
            boolean known = OTHER_FILL_TYPES.contains(type);
            throw new ApiException(ErrorCodes.NO_SUPPORT_COMPONENT_TYPE, at + ".ComponentType " + type
                    + (known ? " is not offered by this service." : " is not a control type."));
        }
    }

    /** ComponentPage (and KeywordPage) is 1-based; a negative page counts from the end (-1 is the last). */
    static int resolvePage(String field, long page, int pageCount) {
        long resolved = page < 0 ? pageCount + page + 1 : page;
        if (page == 0 || resolved < 1 || resolved > pageCount) {
            throw new ApiException(ErrorCodes.COMPONENT_PAGE, field + " " + page
                    + " is not a page of the file, which has " + pageCount + " page" + (pageCount == 1 ? "" : "s") + ".");
        }
        return (int) resolved;
    }

    private static JsonNode extra(String at, String text, String wrongCode) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        if (text.trim().length() > MAX_EXTRA) {
            throw new ApiException(wrongCode, at + ".ComponentExtra must be at most " + MAX_EXTRA + " characters.");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // reported below
        }
        throw new ApiException(wrongCode, at + ".ComponentExtra must be a JSON object written as a string.");
    }

    private static void checkExtra(String at, String type, JsonNode extra, String wrongCode) {
        JsonNode opacity = extra.get("Opacity");
        // a seal's opacity; a WATERMARK's own range is FillControlRules'
        if (opacity != null && !"WATERMARK".equals(type) && !(opacity.isNumber() && opacity.asDouble() >= 0.6 && opacity.asDouble() <= 1)) {
            throw new ApiException(wrongCode, at + ".ComponentExtra.Opacity must be between 0.6 and 1.");
        }
        JsonNode fontSize = extra.get("FontSize");
        if (fontSize != null && !(fontSize.canConvertToInt() && fontSize.asInt() >= 6 && fontSize.asInt() <= 72)) {
            throw new ApiException(wrongCode, at + ".ComponentExtra.FontSize must be 6 to 72.");
        }
        JsonNode align = extra.get("FontAlign");
        if (align != null && !Set.of("Left", "Right", "Center").contains(align.asText())) {
            throw new ApiException(wrongCode, at + ".ComponentExtra.FontAlign must be Left, Right or Center.");
        }
        JsonNode font = extra.get("Font");
        if (font != null && !Set.of("黑体", "宋体", "仿宋").contains(font.asText())) {
            throw new ApiException(wrongCode, at + ".ComponentExtra.Font must be 黑体, 宋体 or 仿宋.");
        }
        JsonNode format = extra.get("Format");
        if ("SIGN_DATE".equals(type) && format != null && !DATE_FORMATS.contains(format.asText())) {
            throw new ApiException(wrongCode, at + ".ComponentExtra.Format must be one of " + DATE_FORMATS + ".");
        }
        JsonNode values = extra.get("Values");
        if ("SELECTOR".equals(type) && (values == null || !values.isArray() || values.isEmpty())) {
            throw new ApiException(wrongCode, at + ": a SELECTOR needs ComponentExtra.Values, the list of choices.");
        }
    }

    private static String fillValue(String at, String type, String value, boolean required, Role role, JsonNode extra) {
        String given = Texts.blankToNull(value);
        if (given == null) {
            if (required && role == Role.INITIATOR_FILL) {
                throw new ApiException(ErrorCodes.MISSING_REQUIRED_COMPONENT_VALUE, at
                        + " is required and the initiator fills it: give its ComponentValue.");
            }
            return null;
        }
        if (!FillValueRules.isAcceptable(type, given)) {
            throw new ApiException(ErrorCodes.COMPONENT_VALUE, at + ".ComponentValue must be plain text of at most "
                    + FillValueRules.maxLength(type) + " characters.");
        }
        if (!FillValueRules.suits(type, given, extra)) {
            throw new ApiException(ErrorCodes.COMPONENT_TYPE_NO_MATCH_VALUE, at + ".ComponentValue \"" + given
                    + "\" does not suit a " + type + " control: " + FillValueRules.expectedFor(type) + ".");
        }
        return given;
    }
}
