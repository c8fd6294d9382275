package io.signflow.flowgroup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * What a fill control's value may be, whoever fills it: the initiator at creation or a signer on
 * the signer page.
 */
public final class FillValueRules {

    public static final int MAX_TEXT = 1000;
    private static final Pattern DATE_VALUE = Pattern.compile("\\d{4}(年\\d{1,2}月\\d{1,2}日|-\\d{1,2}-\\d{1,2})");

    private FillValueRules() {
    }

    /** Plain text of acceptable length: no control characters but line breaks and tabs. */
    public static boolean isAcceptableText(String value) {
        return value.length() <= MAX_TEXT && TextRules.isPlainText(value);
    }

    /** Whether the value suits the control; {@code extra} is its ComponentExtra (for a SELECTOR's choices). */
    public static boolean suits(String type, String value, JsonNode extra) {
        return switch (type) {
            case "CHECK_BOX" -> "true".equals(value) || "false".equals(value);
            case "DATE" -> DATE_VALUE.matcher(value).matches();
            case "SELECTOR" -> contains(extra == null ? null : extra.get("Values"), value);
            case "TEXT" -> !value.contains("\n");
            default -> true;
        };
    }

    public static String expectedFor(String type) {
        return switch (type) {
            case "CHECK_BOX" -> "use \"true\" or \"false\"";
            case "DATE" -> "use yyyy年m月d日 or yyyy-m-d";
            case "SELECTOR" -> "use one of ComponentExtra.Values";
            case "TEXT" -> "use MULTI_LINE_TEXT for several lines";
            default -> "";
        };
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
