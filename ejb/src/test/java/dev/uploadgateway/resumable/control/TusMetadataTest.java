package dev.uploadgateway.resumable.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TusMetadataTest {

    @Test
    void readsPairsInOrderWithUtf8ValuesAndKeysWithoutValues() {
        Map<String, String> pairs = TusMetadata.parse("filename " + b64("räksmörgås.txt") + ",is_confidential, filetype "
                + b64("text/plain"));
        assertEquals(List.of("filename", "is_confidential", "filetype"), List.copyOf(pairs.keySet()));
        assertEquals(new LinkedHashMap<>(Map.of("filename", "räksmörgås.txt", "is_confidential", "", "filetype", "text/plain")),
                new LinkedHashMap<>(pairs));
    }

    @Test
    void noHeaderIsNoPairs() {
        assertTrue(TusMetadata.parse(null).isEmpty());
        assertTrue(TusMetadata.parse(" ").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"filename not-base64!", "filename a b", ",", "filename " + "/w==", "a b c"})
    void refusesWhatIsNotTusForm(String header) {
        Refused refused = assertThrows(Refused.class, () -> TusMetadata.parse(header));
        assertEquals(ProblemType.INVALID_PARAMETER, refused.problem());
        assertTrue(refused.getMessage().startsWith("Upload-Metadata "), refused.getMessage());
    }

    @Test
    void refusesAKeyNamedTwiceAndAHeaderPastItsLimit() {
        assertTrue(assertThrows(Refused.class, () -> TusMetadata.parse("a " + b64("1") + ",a " + b64("2")))
                .getMessage().contains("'a' twice"));
        assertThrows(Refused.class, () -> TusMetadata.parse("k " + "A".repeat(TusMetadata.MAX_LENGTH)));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
