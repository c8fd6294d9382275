package io.signflow.common;

import java.security.SecureRandom;

/**
 * Identifiers in the shape ESS uses for FlowGroupId, FlowId, RecipientId, FileId and friends:
 * 32 characters from [0-9A-Za-z]. They are random (about 190 bits), so an id reveals nothing
 * about its neighbours and cannot be guessed.
 */
public final class Ids {

    public static final int LENGTH = 32;
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** True when the text could be an id we issued; used to refuse junk before touching the database. */
    public static boolean looksLikeId(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
