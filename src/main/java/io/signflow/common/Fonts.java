package io.signflow.common;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds an installed font that can draw a given text. Chinese names and dates need a CJK font
 * (Debian: fonts-wqy-microhei or fonts-noto-cjk); without one, AWT's logical "Dialog" font draws what it
 * can, which the README's production notes warn about.
 */
public final class Fonts {

    private static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Noto Serif CJK SC",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN", "SimSun", "SimHei");
    private static final ConcurrentMap<Character.UnicodeScript, String> FAMILY_BY_SCRIPT = new ConcurrentHashMap<>();

    private Fonts() {
    }

    public static Font forText(String text, int style, float size) {
        return new Font(familyFor(text), style, Math.round(size)).deriveFont(size);
    }

    private static String familyFor(String text) {
        Character.UnicodeScript script = text.codePoints().mapToObj(Character.UnicodeScript::of)
                .filter(s -> s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.LATIN)
                .findFirst().orElse(Character.UnicodeScript.LATIN);
        return FAMILY_BY_SCRIPT.computeIfAbsent(script, s -> findFamily(text));
    }

    private static String findFamily(String sample) {
        String[] installed = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        List<String> available = List.of(installed);
        for (String family : PREFERRED) {
            if (available.contains(family) && new Font(family, Font.PLAIN, 12).canDisplayUpTo(sample) < 0) {
                return family;
            }
        }
        for (String family : installed) {
            if (new Font(family, Font.PLAIN, 12).canDisplayUpTo(sample) < 0) {
                return family;
            }
        }
        return Font.DIALOG;
    }
}
