package io.signflow.common;

import java.util.regex.Pattern;

/** Mainland China mobile numbers as ESS takes them: 11 digits starting with 1 and 3–9, no +86. */
public final class Mobiles {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private Mobiles() {
    }

    public static boolean isValid(String mobile) {
        return mobile != null && MOBILE.matcher(mobile).matches();
    }

    /** 138****5678: enough for a person to recognise their number, too little to harvest it. */
    public static String masked(String mobile) {
        return mobile == null || mobile.length() != 11 ? mobile : mobile.substring(0, 3) + "****" + mobile.substring(7);
    }
}
