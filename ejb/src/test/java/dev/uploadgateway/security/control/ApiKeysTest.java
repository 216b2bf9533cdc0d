package dev.uploadgateway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static List<String> described(List<ApiKeys.Entry> entries) {
        return entries.stream().map(e -> e.tenant() + "=" + new String(e.key(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void readsSeveralKeysPerTenantAndFilesApiKeysAsTenantDefault() {
        assertEquals(List.of("acme=k1", "acme=k2", "globex=k:with:colons", "default=legacy"),
                described(ApiKeys.parse(" acme:k1, acme:k2 ,globex:k:with:colons", "legacy, ")));
    }

    @Test
    void skipsEntriesWithoutTenantOrKey() {
        assertEquals(List.of(), described(ApiKeys.parse("nocolon,:key,tenant:, ,", "")));
    }
}
