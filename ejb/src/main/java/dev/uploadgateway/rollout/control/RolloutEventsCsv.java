package dev.uploadgateway.rollout.control;

import dev.uploadgateway.audit.control.SpreadsheetSafe;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The rollout trail as RFC 4180 CSV, oldest first, with a fixed column order; text cells {@link SpreadsheetSafe}. */
public final class RolloutEventsCsv {

    public static final List<String> COLUMNS = List.of("at", "actor", "action", "from_stage", "from_percent",
            "to_stage", "to_percent", "verdict", "reasons", "async_uploads", "async_success_rate",
            "async_error_rate", "p95_latency_ratio", "criteria_min_success_rate", "criteria_max_error_rate",
            "criteria_max_latency_ratio", "by");

    private RolloutEventsCsv() {
    }

    public static void write(List<JsonObject> events, Writer out) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).build();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (JsonObject e : events) {
                JsonObject kpis = object(e, "kpis");
                JsonObject criteria = object(e, "criteria");
                csv.printRecord(SpreadsheetSafe.row(text(e, "at"), text(e, "actor"), text(e, "action"), text(e, "fromStage"),
                        text(e, "fromPercent"), text(e, "toStage"), text(e, "toPercent"), text(e, "verdict"),
                        reasons(e), kpis == null ? null : asyncTrials(kpis),
                        kpis == null ? null : text(object(kpis, "asyncSuccess"), "estimate"),
                        kpis == null ? null : text(object(kpis, "asyncError"), "estimate"),
                        kpis == null ? null : text(kpis, "p95Ratio"),
                        criteria == null ? null : text(criteria, "minSuccessRate"),
                        criteria == null ? null : text(criteria, "maxErrorRate"),
                        criteria == null ? null : text(criteria, "maxLatencyRatio"), text(e, "by")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String asyncTrials(JsonObject kpis) {
        JsonObject success = object(kpis, "asyncSuccess");
        return success == null ? null : text(success, "trials");
    }

    private static String reasons(JsonObject e) {
        JsonValue v = e.get("reasons");
        return v instanceof JsonArray a ? a.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.joining(" | ")) : null;
    }

    private static JsonObject object(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonObject inner ? inner : null;
    }

    private static String text(JsonObject o, String key) {
        if (o == null) {
            return null;
        }
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        return v instanceof JsonString s ? s.getString() : v instanceof JsonNumber n ? n.toString() : v.toString();
    }
}
