package dev.uploadgateway.audit.control;

import java.util.regex.Pattern;

/**
 * Cells of the CSV exports as a spreadsheet may open them: text that begins with {@code = + - @},
 * TAB or CR would be read as a formula (OWASP "CSV injection"), so it gets a leading {@code '}; a
 * number stays a number. Filenames and stickiness keys are the client's own text and go through here.
 */
public final class SpreadsheetSafe {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetSafe() {
    }

    public static Object cell(Object value) {
        if (!(value instanceof String text) || text.isEmpty()) {
            return value;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !NUMBER.matcher(text).matches() ? "'" + text : text;
    }

    public static Object[] row(Object... values) {
        Object[] safe = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            safe[i] = cell(values[i]);
        }
        return safe;
    }
}
