package io.signflow.tenant;

import java.util.regex.Pattern;

/**
 * Licensed organization names: 1–200 characters of CJK, letters, digits and the punctuation real
 * names use, with ASCII parentheses written full-width as ESS requires, so "A(B)" and "A（B）" are
 * one organization. The length is counted in UTF-16 units, as H2 counts the column's width.
 */
public final class OrganizationNames {

    public static final int MAX_LENGTH = 200;

    private static final Pattern ALLOWED = Pattern.compile(
            "[\\p{IsHan}\\p{L}\\p{N} ·&\\-_.,（）()【】\\[\\]\u3001\u3002\uff0c\uff1b\u2014]{1,200}");

    private OrganizationNames() {
    }

    public static String normalize(String name) {
        return name == null ? null : name.trim().replace('(', '（').replace(')', '）');
    }

    public static boolean isValid(String normalized) {
        return normalized != null && normalized.length() <= MAX_LENGTH && ALLOWED.matcher(normalized).matches();
    }
}
