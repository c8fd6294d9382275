package io.signflow.common;

/** The two ways request text is tidied before it is checked or stored. */
public final class Texts {

    private Texts() {
    }

    /** Null for absent or blank text (an SDK sends "" for a field left unset), otherwise the text trimmed. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The text cut to fit a column of {@code length} characters; null stays null. */
    public static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
