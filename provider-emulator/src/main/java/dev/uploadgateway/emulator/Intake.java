package dev.uploadgateway.emulator;

import java.nio.file.Path;

/** What {@link MultipartIntake} took in from one upload body. */
record Intake(String filename, String purpose, long bytes, String sha256Hex, Path storedAt) {
}
