package io.signflow.audit;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import io.signflow.common.RequestRejected;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of a contract or of a whole group, for an operator to keep before the contract is
 * deleted (docs/operating.md, "Retention"): every column of every entry, oldest first, as JSON or CSV.
 * Every column, so that whatever an entry carries (its hash chain, say) leaves with it.
 */
@RestController
class AuditExportController {

    private final JdbcClient jdbc;

    AuditExportController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/admin/audit/export")
    ResponseEntity<?> export(@RequestParam(required = false) String flowId,
                             @RequestParam(required = false) String groupId,
                             @RequestParam(defaultValue = "json") String format) {
        if ((flowId == null) == (groupId == null) || !format.equals("json") && !format.equals("csv")) {
            throw RequestRejected.badRequest("Give either flowId or groupId, and format json (default) or csv.");
        }
        List<Map<String, String>> entries = jdbc.sql("select * from audit_event where "
                        + (flowId != null ? "flow_id" : "group_id") + " = ? order by id")
                .param(flowId != null ? flowId : groupId).query((rs, n) -> row(rs)).list();
        if (entries.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (format.equals("json")) {
            return ResponseEntity.ok(entries);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-"
                        + (flowId != null ? flowId : groupId) + ".csv\"")
                .body(csv(entries));
    }

    /** Column names in camelCase, as the admin API's JSON (group_id: groupId), and values as text. */
    private static Map<String, String> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            int type = meta.getColumnType(i);
            Object value = type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE
                    ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i);
            row.put(camelCase(meta.getColumnLabel(i)), value == null ? null
                    : value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value.toString());
        }
        return row;
    }

    private static String camelCase(String column) {
        // H2 gives names in upper case, PostgreSQL in lower case
        String[] words = column.toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /** RFC 4180: a header line, then one line per entry; fields quoted, quotes doubled. */
    private static String csv(List<Map<String, String>> entries) {
        StringBuilder out = new StringBuilder(line(entries.get(0).keySet().stream().toList()));
        entries.forEach(entry -> out.append(line(entry.values().stream().toList())));
        return out.toString();
    }

    private static String line(List<String> fields) {
        return fields.stream().map(f -> f == null ? "" : "\"" + f.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(",", "", "\r\n"));
    }
}
