package io.signflow.flowgroup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * What a fill control's value may be, whoever fills it: the initiator at creation or a signer on
 * the signer page.
 */
public final class FillValueRules {

    public static final int MAX_TEXT = 1000;
    /** A province, city and district, or a watermark's text: one line. ESS names no length; these are ample. */
    public static final int MAX_DISTRICT = 100;
    public static final int MAX_WATERMARK = 100;
    private static final Pattern DATE_VALUE = Pattern.compile("\\d{4}(年\\d{1,2}月\\d{1,2}日|-\\d{1,2}-\\d{1,2})");

    private FillValueRules() {
    }

    /** Plain text of acceptable length: no control characters but line breaks and tabs. */
    public static boolean isAcceptableText(String value) {
        return value.length() <= MAX_TEXT && TextRules.isPlainText(value);
    }

    /** Plain text of acceptable length for the control: a table's JSON may be longer than other values. */
    public static boolean isAcceptable(String type, String value) {
        return value.length() <= maxLength(type) && TextRules.isPlainText(value);
    }

    public static int maxLength(String type) {
        return "DYNAMIC_TABLE".equals(type) ? DynamicTableValue.MAX_LENGTH : MAX_TEXT;
    }

    /**
     * Whether the value suits the control; {@code extra} is its ComponentExtra (a SELECTOR's choices, a
     * DYNAMIC_TABLE's columns).
     */
    public static boolean suits(String type, String value, JsonNode extra) {
        return switch (type) {
            case "CHECK_BOX" -> "true".equals(value) || "false".equals(value);
            case "DATE" -> DATE_VALUE.matcher(value).matches();
            case "SELECTOR" -> contains(extra == null ? null : extra.get("Values"), value);
            case "TEXT" -> !value.contains("\n");
            case "DISTRICT" -> isOneLine(value, MAX_DISTRICT);
            case "WATERMARK" -> isOneLine(value, MAX_WATERMARK);
            case "ATTACHMENT" -> AttachmentValue.suits(value);
            case "DYNAMIC_TABLE" -> isTable(value, extra);
            default -> true;
        };
    }

    public static String expectedFor(String type) {
        return switch (type) {
            case "CHECK_BOX" -> "use \"true\" or \"false\"";
            case "DATE" -> "use yyyy年m月d日 or yyyy-m-d";
            case "SELECTOR" -> "use one of ComponentExtra.Values";
            case "TEXT" -> "use MULTI_LINE_TEXT for several lines";
            case "DISTRICT" -> "one line of at most " + MAX_DISTRICT + " characters, such as 广东省深圳市福田区";
            case "WATERMARK" -> "one line of at most " + MAX_WATERMARK + " characters";
            case "ATTACHMENT" -> "1 to " + AttachmentValue.MAX_FILES + " ids of images, separated by commas";
            case "DYNAMIC_TABLE" -> "a table in ESS's JSON ({\"headers\":[{\"content\":...}],\"rowCount\":n,"
                    + "\"body\":{\"cells\":[...]}}) with the control's columns and at most its rows";
            default -> "";
        };
    }

    /** Whether a table's value has nothing written in it; a required table needs some text. */
    public static boolean isEmptyTable(String value) {
        try {
            return DynamicTableValue.parse(value).isEmpty();
        } catch (DynamicTableValue.Invalid e) {
            return false;
        }
    }

    private static boolean isOneLine(String value, int max) {
        return value.length() <= max && !value.contains("\n") && !value.contains("\r");
    }

    private static boolean isTable(String value, JsonNode extra) {
        try {
            return DynamicTableValue.parse(value).fits(DynamicTableValue.columns(extra));
        } catch (DynamicTableValue.Invalid e) {
            return false;
        }
    }

    private static boolean contains(JsonNode array, String text) {
        if (array != null) {
            for (JsonNode item : array) {
                if (text.equals(item.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
