package dev.uploadgateway.it;

import dev.uploadgateway.emulator.ProviderEmulator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real packaged WAR, the emulator it talks to, and test files. */
final class GatewayDeployment {

    static final String KIMI_KEY = System.getProperty("emulator.kimi-key");
    static final String GLM_KEY = System.getProperty("emulator.glm-key");

    private GatewayDeployment() {
    }

    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("gateway.war")));
    }

    /** The emulator on the port the gateway was configured with at boot. */
    static ProviderEmulator emulator() throws IOException {
        return ProviderEmulator.builder()
                .port(Integer.getInteger("emulator.port"))
                .kimiKey(KIMI_KEY)
                .glmKey(GLM_KEY)
                .start();
    }

    static Path file(String name, byte[] content) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "it-files"));
        return Files.write(dir.resolve(name), content);
    }

    static Path randomFile(String name, long bytes, long seed) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "it-files"));
        Path file = dir.resolve(name);
        Random random = new Random(seed);
        byte[] chunk = new byte[1 << 20];
        try (var out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return file;
    }

    static String sha256(Path file) {
        try (var in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
