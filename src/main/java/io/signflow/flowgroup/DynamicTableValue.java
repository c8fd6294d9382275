package io.signflow.flowgroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A DYNAMIC_TABLE's value in ESS's JSON ("数据表格"): {@code headers} (at most 10 columns, each a
 * {@code content} of at most 100 characters and an optional {@code widthPercent}), {@code rowCount},
 * {@code body.cells} (each spanning {@code rowStart..rowEnd} × {@code columnStart..columnEnd},
 * counted from 1, with a {@code content} of at most 100 characters and an optional {@code style}) and
 * {@code settings.headerRowDisplay}. Cells may span several rows and columns but may not overlap.
 * Keys ESS does not define are ignored.
 * <p>
 * The same {@code headers}, {@code rowCount} and {@code settings} in a control's ComponentExtra are its
 * columns ({@link Columns}): what a signer fills row by row, with {@code rowCount} the most rows they
 * may add.
 */
public record DynamicTableValue(List<Header> headers, int rowCount, List<Cell> cells, boolean headerRowDisplay) {

    public static final int MAX_COLUMNS = 10;
    public static final int MAX_ROWS = 100;
    public static final int MAX_CONTENT = 100;
    /** The width of the column that keeps a control's value. */
    public static final int MAX_LENGTH = 65_535;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COLOR = Pattern.compile("(#|0x|0X)[0-9A-Fa-f]{6}");
    private static final Set<String> ALIGNS = Set.of("LEFT", "RIGHT", "CENTER");
    private static final Set<String> FONTS = Set.of("黑体", "宋体", "仿宋");

    public DynamicTableValue {
        headers = List.copyOf(headers);
        cells = List.copyOf(cells);
    }

    /** A column's title, and its share of the table's width in percent when given. */
    public record Header(String content, Integer widthPercent) {
    }

    /** A cell and the rows and columns it spans, counted from 1. */
    public record Cell(int rowStart, int rowEnd, int columnStart, int columnEnd, String content, Style style) {
    }

    /** A cell's look: colour as {@code RRGGBB}, size in pt, bold, and alignment (LEFT, RIGHT or CENTER); null where not given. */
    public record Style(String color, Integer fontSize, boolean bold, String align) {

        static final Style NONE = new Style(null, null, false, null);
    }

    /** A control's columns, from its ComponentExtra: the headers, the most rows, whether the header row shows. */
    public record Columns(List<Header> headers, int maxRows, boolean headerRowDisplay) {
    }

    /** Why a table or a column definition was refused. */
    public static final class Invalid extends IllegalArgumentException {

        Invalid(String message) {
            super(message, null);
        }
    }

    /** The table a value holds; {@link Invalid} says what is wrong with it. */
    public static DynamicTableValue parse(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            throw new Invalid("a table's JSON is at most " + MAX_LENGTH + " characters");
        }
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new Invalid("a table is a JSON object written as a string");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("a table is a JSON object written as a string");
        }
        List<Header> headers = headers(root.get("headers"));
        int rowCount = count(root.get("rowCount"), "rowCount", 0);
        List<Cell> cells = cells(root.path("body").get("cells"), rowCount, headers.size());
        return new DynamicTableValue(headers, rowCount, cells, headerRowDisplay(root));
    }

    /** The columns a control's ComponentExtra defines, or null when it defines none (no {@code headers}). */
    public static Columns columns(JsonNode extra) {
        if (extra == null || !extra.has("headers")) {
            return null;
        }
        JsonNode rows = extra.get("rowCount");
        int maxRows = rows == null || rows.isNull() ? MAX_ROWS : count(rows, "rowCount", 1);
        return new Columns(headers(extra.get("headers")), maxRows, headerRowDisplay(extra));
    }

    /** Whether this table has the control's columns (the same titles, in order) and no more rows than it allows. */
    public boolean fits(Columns columns) {
        return columns == null || rowCount <= columns.maxRows()
                && headers.stream().map(Header::content).toList()
                .equals(columns.headers().stream().map(Header::content).toList());
    }

    /** Nothing written in it: no cell with text. A required table must have some. */
    public boolean isEmpty() {
        return cells.stream().allMatch(c -> c.content().isBlank());
    }

    /**
     * Each column's share of the width, adding up to 1. As ESS describes: columns with
     * {@code widthPercent} take it, the others share what is left equally (equal shares when none is given).
     */
    public double[] columnShares() {
        int given = headers.stream().filter(h -> h.widthPercent() != null).mapToInt(Header::widthPercent).sum();
        long open = headers.stream().filter(h -> h.widthPercent() == null).count();
        double rest = open == 0 ? 0 : Math.max(0, 100 - given) / (double) open;
        double[] shares = new double[headers.size()];
        double total = 0;
        for (int i = 0; i < shares.length; i++) {
            Integer percent = headers.get(i).widthPercent();
            shares[i] = percent != null ? percent : rest;
            total += shares[i];
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] = total > 0 ? shares[i] / total : 1.0 / shares.length;
        }
        return shares;
    }

    private static List<Header> headers(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_COLUMNS) {
            throw new Invalid("headers must list 1 to " + MAX_COLUMNS + " columns");
        }
        List<Header> headers = new ArrayList<>();
        int percents = 0;
        for (JsonNode header : node) {
            String content = content(header.get("content"), "a header's content");
            JsonNode width = header.get("widthPercent");
            Integer percent = null;
            if (width != null && !width.isNull()) {
                if (!width.canConvertToInt() || !width.isIntegralNumber() || width.asInt() < 1 || width.asInt() > 100) {
                    throw new Invalid("widthPercent is a whole number from 1 to 100");
                }
                percent = width.asInt();
                percents += percent;
            }
            headers.add(new Header(content, percent));
        }
        if (percents > 100) {
            throw new Invalid("the columns' widthPercent add up to more than 100");
        }
        return headers;
    }

    private static List<Cell> cells(JsonNode node, int rowCount, int columnCount) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new Invalid("body.cells is a list of cells");
        }
        boolean[][] taken = new boolean[rowCount + 1][columnCount + 1];
        List<Cell> cells = new ArrayList<>();
        for (JsonNode cell : node) {
            int rowStart = count(cell.get("rowStart"), "rowStart", 1);
            int rowEnd = count(cell.get("rowEnd"), "rowEnd", 1);
            int columnStart = count(cell.get("columnStart"), "columnStart", 1);
            int columnEnd = count(cell.get("columnEnd"), "columnEnd", 1);
            if (rowStart > rowEnd || rowEnd > rowCount || columnStart > columnEnd || columnEnd > columnCount) {
                throw new Invalid("a cell must lie within the table's " + rowCount + " rows and " + columnCount
                        + " columns, its start before its end");
            }
            for (int r = rowStart; r <= rowEnd; r++) {
                for (int c = columnStart; c <= columnEnd; c++) {
                    if (taken[r][c]) {
                        throw new Invalid("two cells cover row " + r + ", column " + c);
                    }
                    taken[r][c] = true;
                }
            }
            cells.add(new Cell(rowStart, rowEnd, columnStart, columnEnd, content(cell.get("content"), "a cell's content"),
                    style(cell.get("style"))));
        }
        return cells;
    }

    private static Style style(JsonNode node) {
        if (node == null || node.isNull()) {
            return Style.NONE;
        }
        if (node.isTextual()) {
            // ESS's own description calls style "a JSON string"; its examples give an object
            try {
                node = JSON.readTree(node.asText());
            } catch (JsonProcessingException e) {
                throw new Invalid("a cell's style is a JSON object");
            }
        }
        if (node == null || !node.isObject()) {
            throw new Invalid("a cell's style is a JSON object");
        }
        JsonNode color = node.get("color");
        if (color != null && !(color.isTextual() && COLOR.matcher(color.asText()).matches())) {
            throw new Invalid("a style's color is written #RRGGBB or 0xRRGGBB");
        }
        JsonNode size = node.get("fontSize");
        if (size != null && !(size.isIntegralNumber() && size.asInt() >= 6 && size.asInt() <= 72)) {
            throw new Invalid("a style's fontSize is 6 to 72");
        }
        JsonNode bold = node.get("bold");
        if (bold != null && !bold.isBoolean()) {
            throw new Invalid("a style's bold is true or false");
        }
        JsonNode align = node.get("align");
        if (align != null && !(align.isTextual() && ALIGNS.contains(align.asText().toUpperCase(Locale.ROOT)))) {
            throw new Invalid("a style's align is LEFT, RIGHT or CENTER");
        }
        JsonNode font = node.get("font");
        if (font != null && !(font.isTextual() && FONTS.contains(font.asText()))) {
            throw new Invalid("a style's font is 黑体, 宋体 or 仿宋");
        }
        return new Style(color == null ? null : color.asText().substring(color.asText().startsWith("#") ? 1 : 2),
                size == null ? null : size.asInt(), bold != null && bold.asBoolean(),
                align == null ? null : align.asText().toUpperCase(Locale.ROOT));
    }

    private static boolean headerRowDisplay(JsonNode root) {
        JsonNode display = root.path("settings").get("headerRowDisplay");
        if (display != null && !display.isBoolean()) {
            throw new Invalid("settings.headerRowDisplay is true or false");
        }
        return display == null || display.asBoolean();
    }

    private static int count(JsonNode node, String field, int min) {
        if (node == null || !node.isIntegralNumber() || node.asLong() < min || node.asLong() > MAX_ROWS) {
            throw new Invalid(field + " is a whole number from " + min + " to " + MAX_ROWS);
        }
        return node.asInt();
    }

    private static String content(JsonNode node, String what) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw new Invalid(what + " is text");
        }
        String text = node.asText();
        if (text.length() > MAX_CONTENT || !TextRules.isPlainText(text) || text.contains("\n") || text.contains("\r")) {
            throw new Invalid(what + " is one line of at most " + MAX_CONTENT + " characters");
        }
        return text;
    }
}
