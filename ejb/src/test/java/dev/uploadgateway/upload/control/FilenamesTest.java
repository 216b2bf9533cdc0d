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

    @org.junit.jupiter.api.Test
    void refusesNamesOverTwoHundredFiftyFiveBytes() {
        assertNull(Filenames.problem("a".repeat(255)));
        assertNotNull(Filenames.problem("a".repeat(256)));
        assertNotNull(Filenames.problem("é".repeat(128)));
    }
}
