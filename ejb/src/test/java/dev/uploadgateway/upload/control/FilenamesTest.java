package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilenamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf", "données 2026.csv", "notes.md", "main.py", "a", "архив.tar.gz", ".env"})
    void acceptsPlainNames(String name) {
        assertNull(Filenames.problem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "/etc/passwd", "C:\\x.txt", "a/b.txt", "..", "nul\u0000.txt",
            "line\nbreak.txt", "bell\u0007.txt", "broken\uFFFD.txt", ""})
    void refusesNamesThatArePathsOrCarryControlCharacters(String name) {
        assertNotNull(Filenames.problem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoice\u202Efdp.exe", "a\u202Ab.txt", "a\u2066b.txt", "a\u2069b.txt", "a\u200Fb.txt",
            "c1\u0085.txt", "c1\u009B.txt", "del\u007F.txt", "c1\u0080.txt"})
    void refusesC1ControlsAndBidirectionalOverrides(String name) {
        assertNotNull(Filenames.problem(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0nbsp.txt", "\u00A9 notice.txt", "עברית.txt", "عربي.txt"})
    void acceptsRightToLeftScriptsAndPrintableLatin1(String name) {
        assertNull(Filenames.problem(name), name);
    }

    @org.junit.jupiter.api.Test
    void refusesNamesOverTwoHundredFiftyFiveBytes() {
        assertNull(Filenames.problem("a".repeat(255)));
        assertNotNull(Filenames.problem("a".repeat(256)));
        assertNotNull(Filenames.problem("é".repeat(128)));
    }
}
