package io.signflow.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.common.ComponentExtra;
import io.signflow.flowgroup.AttachmentValue;
import io.signflow.flowgroup.DynamicTableValue;
import io.signflow.flowgroup.WatermarkStyle;
import io.signflow.signing.SignerQueries.Field;
import java.util.List;

/**
 * What the signer page needs to draw and fill a DYNAMIC_TABLE, ATTACHMENT or WATERMARK control
 * ({@link SignerView.Field#settings}); null for the other types, which need no more than their value.
 * <ul>
 * <li>DYNAMIC_TABLE: {@code headers} (title and widthPercent), {@code maxRows}, {@code headerRowDisplay}:
 * the columns of ComponentExtra, or those of the table the initiator put in, when ComponentExtra has none.
 * <li>ATTACHMENT: {@code maxFiles}, {@code maxBytes}, {@code types}, and the signer's {@code uploaded}
 * images so far.
 * <li>WATERMARK: its {@link WatermarkStyle}, as the sealed PDF draws it.
 * </ul>
 */
final class FillControlSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FillControlSettings() {
    }

    static JsonNode of(Field field, List<SignerAttachments.Uploaded> uploaded, long maxBytes) {
        JsonNode extra = ComponentExtra.of(field.extra()).json();
        return switch (field.type()) {
            case "DYNAMIC_TABLE" -> table(extra, field.componentValue());
            case "ATTACHMENT" -> attachment(uploaded, maxBytes);
            case "WATERMARK" -> watermark(extra);
            default -> null;
        };
    }

    private static JsonNode table(JsonNode extra, String value) {
        DynamicTableValue.Columns columns;
        try {
            columns = DynamicTableValue.columns(extra);
            if (columns == null && value != null) {
                DynamicTableValue table = DynamicTableValue.parse(value);
                columns = new DynamicTableValue.Columns(table.headers(), DynamicTableValue.MAX_ROWS,
                        table.headerRowDisplay());
            }
        } catch (DynamicTableValue.Invalid e) {
            columns = null; // checked when the contract was created
        }
        if (columns == null) {
            return null;
        }
        ObjectNode settings = JSON.createObjectNode();
        ArrayNode headers = settings.putArray("headers");
        columns.headers().forEach(h -> {
            ObjectNode header = headers.addObject().put("content", h.content());
            if (h.widthPercent() != null) {
                header.put("widthPercent", h.widthPercent());
            }
        });
        return settings.put("maxRows", columns.maxRows()).put("headerRowDisplay", columns.headerRowDisplay());
    }

    private static JsonNode attachment(List<SignerAttachments.Uploaded> uploaded, long maxBytes) {
        ObjectNode settings = JSON.createObjectNode().put("maxFiles", AttachmentValue.MAX_FILES).put("maxBytes", maxBytes);
        settings.putArray("types").add("image/png").add("image/jpeg");
        ArrayNode list = settings.putArray("uploaded");
        uploaded.forEach(u -> list.addObject().put("id", u.id()).put("name", u.name()).put("size", u.size()));
        return settings;
    }

    private static JsonNode watermark(JsonNode extra) {
        return JSON.valueToTree(WatermarkStyle.of(extra));
    }
}
