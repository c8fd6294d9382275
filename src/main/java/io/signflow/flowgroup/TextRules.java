package io.signflow.flowgroup;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The character rules of the request's free texts. Contract and group names follow the decision in
 * the reference (section 7): CJK characters and punctuation, ASCII letters and digits, space and
 * ()[]-_,;.&+ — every seed example passes, markup and control characters do not.
 * <p>
 * Lengths are counted in UTF-16 units, as H2 counts a column's width (PostgreSQL counts characters,
 * which is never more): a character outside the Basic Multilingual Plane, such as a rare Han
 * character, counts twice. A pattern's quantifier counts characters, so each rule checks the length
 * too; without that a name the pattern accepts could be too wide for its column.
 */
final class TextRules {

    static final int MAX_CONTRACT_NAME = 200;
    static final int MAX_ROLE_NAME = 20;
    static final int MAX_COMPONENT_ID = 30;
    static final int MAX_PERSON_NAME = 50;

    private static final String CJK_PUNCTUATION = "\u3000-\u303F\uFF01-\uFF5E\u2010-\u2027\u00B7";
    private static final Pattern CONTRACT_NAME = Pattern.compile(
            "[\\p{IsHan}" + CJK_PUNCTUATION + "A-Za-z0-9 ()\\[\\]\\-_,;.&+]{1,200}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\p{IsHan}A-Za-z0-9_]{1,20}");
    private static final Pattern COMPONENT_ID = Pattern.compile("[\\p{IsHan}A-Za-z0-9_]{1,30}");
    /** Real names: letters of any script with their marks, the interpunct of ethnic names, dots and spaces. */
    private static final Pattern PERSON_NAME = Pattern.compile("[\\p{L}\\p{M}·•.\\- ]{1,50}");

    private TextRules() {
    }

    static boolean isContractName(String text) {
        return text != null && text.length() <= MAX_CONTRACT_NAME && CONTRACT_NAME.matcher(text).matches()
                && !text.isBlank();
    }

    static boolean isRoleName(String text) {
        return text.length() <= MAX_ROLE_NAME && ROLE_NAME.matcher(text).matches();
    }

    static boolean isComponentId(String text) {
        return text.length() <= MAX_COMPONENT_ID && COMPONENT_ID.matcher(text).matches();
    }

    static boolean isPersonName(String text) {
        return text.length() <= MAX_PERSON_NAME && PERSON_NAME.matcher(text).matches() && !text.isBlank();
    }

    /** No control characters other than line breaks and tabs. */
    static boolean isPlainText(String text) {
        return text.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f);
    }

    static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
