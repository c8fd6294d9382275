package io.signflow.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters written as application/x-www-form-urlencoded, in a query string or a form body, decoded
 * as UTF-8 ("+" is a space). A name given twice is refused: the signature covers one value per name,
 * and which one an action should take would be a guess.
 */
final class FormParameters {

    private FormParameters() {
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (parameters.putIfAbsent(name, value) != null) {
                throw new ApiException(ErrorCodes.INVALID_PARAMETER, "The parameter " + name + " is given twice.");
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER,
                    "The parameters are not valid URL encoding near \"" + text + "\".");
        }
    }
}
