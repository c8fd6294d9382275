package io.signflow.flowgroup;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identity documents an approver may be named by. A mainland ID card (and the residence permit for
 * Hong Kong, Macao and Taiwan residents, which has the same form) is checked down to its ISO 7064
 * check digit; a Mainland Travel Permit is H or M and ten digits.
 */
final class IdCards {

    static final Set<String> TYPES = Set.of("ID_CARD", "HONGKONG_AND_MACAO", "HONGKONG_MACAO_AND_TAIWAN");
    private static final Pattern ID_CARD = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern HK_MACAO_PERMIT = Pattern.compile("[HM]\\d{10}");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdCards() {
    }

    static boolean isValid(String type, String number) {
        return switch (type) {
            case "ID_CARD", "HONGKONG_MACAO_AND_TAIWAN" -> isIdCardNumber(number);
            case "HONGKONG_AND_MACAO" -> HK_MACAO_PERMIT.matcher(number).matches();
            default -> false;
        };
    }

    static boolean isIdCardNumber(String number) {
        if (!ID_CARD.matcher(number).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11] == number.charAt(17);
    }
}
