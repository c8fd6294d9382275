package io.signflow.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A control's stored ComponentExtra (font size, date format, a selector's choices), read where the
 * control is filled on the signer page and where it is drawn into the PDF. It was checked when the
 * contract was created, so text that does not parse is treated as no settings at all.
 */
public final class ComponentExtra {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode settings;

    private ComponentExtra(JsonNode settings) {
        this.settings = settings;
    }

    public static ComponentExtra of(String text) {
        if (text == null || text.isBlank()) {
            return new ComponentExtra(JSON.createObjectNode());
        }
        try {
            return new ComponentExtra(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return new ComponentExtra(JSON.createObjectNode());
        }
    }

    /** The settings as JSON; an empty object when there are none. */
    public JsonNode json() {
        return settings;
    }

    /** One setting as text, or {@code fallback} when it is absent or null. */
    public String text(String field, String fallback) {
        JsonNode value = settings.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
