package dev.uploadgateway.upload.control;

import java.nio.charset.StandardCharsets;

/**
 * Rules for a caller's filename. It is kept as data (records, the provider's form field) and never
 * used as a path, but a name that smuggles a path, a control character or broken UTF-8 is refused
 * so that nothing downstream is tempted or confused by it.
 */
public final class Filenames {

    public static final int MAX_BYTES = 255;

    private Filenames() {
    }

    /** Why {@code name} is refused, or null when it is acceptable. */
    public static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "the file part has no filename";
        }
        if (name.indexOf('\uFFFD') >= 0) {
            return "the filename is not valid UTF-8";
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c >= 0x7F && c <= 0x9F)) {
            return "the filename contains a NUL or control character";
        }
        if (name.chars().anyMatch(Filenames::bidiControl)) {
            // U+202E and its kin reorder what a person reads: "invoice\u202Efdp.exe" shows as "invoiceexe.pdf"
            return "the filename contains a bidirectional text control (U+200E/U+200F, U+202A-U+202E, U+2066-U+2069)";
        }
        if (name.contains("/") || name.contains("\\")) {
            return "the filename contains a path separator; send the bare name";
        }
        if (name.equals(".") || name.equals("..") || name.matches("^[A-Za-z]:.*")) {
            return "the filename is a path, not a name";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "the filename is longer than " + MAX_BYTES + " bytes in UTF-8";
        }
        return null;
    }

    private static boolean bidiControl(int c) {
        return c == 0x200E || c == 0x200F || c == 0x061C || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
