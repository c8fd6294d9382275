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
        // one draw from SecureRandom for the whole id (a draw per character was 1.3 % of a creation's
        // request CPU, BENCHMARKS.md): 6 bits of each byte pick a character, and the two values the
        // alphabet lacks are skipped, so every character stays equally likely. 40 bytes hold 32 usable
        // ones but for about one id in 300,000, which draws again.
        byte[] random = new byte[40];
        int filled = 0;
        while (filled < LENGTH) {
            RANDOM.nextBytes(random);
            for (int i = 0; i < random.length && filled < LENGTH; i++) {
                int sixBits = random[i] & 0x3F;
                if (sixBits < ALPHABET.length) {
                    id[filled++] = ALPHABET[sixBits];
                }
            }
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
