package dev.uploadgateway.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tests against PostgreSQL: failsafe's {@code postgresql} execution starts a throwaway server
 * (server-config/postgres.sh) and names it in {@code gateway.db.host} / {@code gateway.db.port}.
 * Then a gateway process the tests start gets a database of its own, as an H2 process gets its
 * own file, and the pre-boot commands and driver that run.sh would give it. Without those
 * properties everything stays on the embedded H2.
 */
final class PostgresDatabases {

    private PostgresDatabases() {
    }

    static boolean active() {
        return System.getProperty("gateway.db.host") != null;
    }

    /** A fresh database for one process, as the environment that points Payara at it. */
    static Map<String, String> forProcess() {
        if (!active()) {
            return Map.of();
        }
        String name = "it_" + UUID.randomUUID().toString().replace("-", "");
        String host = System.getProperty("gateway.db.host");
        String port = System.getProperty("gateway.db.port");
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/upload_gateway",
                "gateway", System.getenv("UPLOAD_GATEWAY_DB_PASSWORD"));
             Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on PostgreSQL at " + host + ":" + port, e);
        }
        return Map.of("UPLOAD_GATEWAY_DB_HOST", host, "UPLOAD_GATEWAY_DB_PORT", port,
                "UPLOAD_GATEWAY_DB_NAME", name, "UPLOAD_GATEWAY_DB_USER", "gateway");
    }

    /** Micro's pre-boot commands (and the driver) as run.sh passes them for the database in use. */
    static List<String> microOptions(Path serverConfig, Path home, boolean postgres) {
        Path preboot = serverConfig.resolve("pre-boot-commands.asadmin");
        if (!postgres) {
            return List.of("--prebootcommandfile", preboot.toString());
        }
        try {
            Path both = home.resolve("pre-boot-postgresql.asadmin");
            Files.writeString(both, Files.readString(preboot) + Files.readString(serverConfig.resolve("postgresql.asadmin")));
            return List.of("--prebootcommandfile", both.toString(),
                    "--addlibs", serverConfig.resolve("target/postgresql.jar").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
