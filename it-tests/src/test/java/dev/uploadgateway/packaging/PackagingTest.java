package dev.uploadgateway.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The two deployables carry the same classes, each exactly once, packaged for their server. */
class PackagingTest {

    private static final String WAR = System.getProperty("gateway.war");
    private static final String EAR = System.getProperty("gateway.ear");
    private static final String EJB_JAR_IN_WAR = "WEB-INF/lib/upload-gateway-ejb-1.0.0-SNAPSHOT.jar";

    @Test
    void theMicroWarCarriesTheEjbJarAndNoCopyOfItsClasses() throws IOException {
        try (ZipFile war = new ZipFile(WAR)) {
            assertTrue(war.getEntry(EJB_JAR_IN_WAR) != null, "EJB jar in WEB-INF/lib");
            Set<String> ejbClasses = classesIn(war.getInputStream(war.getEntry(EJB_JAR_IN_WAR)));
            assertTrue(ejbClasses.contains("dev/uploadgateway/upload/boundary/UploadService.class"));
            war.stream().map(ZipEntry::getName).filter(n -> n.startsWith("WEB-INF/classes/") && n.endsWith(".class"))
                    .map(n -> n.substring("WEB-INF/classes/".length()))
                    .forEach(n -> assertFalse(ejbClasses.contains(n), n + " exists twice"));
        }
    }

    @Test
    void theEarHasTheEjbModuleASkinnyWarAndTheRootContext() throws IOException {
        try (ZipFile ear = new ZipFile(EAR)) {
            assertTrue(ear.getEntry("upload-gateway-ejb.jar") != null, "EJB module");
            ZipEntry war = ear.getEntry("upload-gateway-web.war");
            assertTrue(war != null, "web module");
            try (JarInputStream web = new JarInputStream(ear.getInputStream(war))) {
                for (JarEntry e = web.getNextJarEntry(); e != null; e = web.getNextJarEntry()) {
                    assertFalse(e.getName().startsWith("WEB-INF/lib/upload-gateway-ejb"), "the EAR's WAR is skinny");
                }
            }
            String application = new String(ear.getInputStream(ear.getEntry("META-INF/application.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(application.contains("<ejb>upload-gateway-ejb.jar</ejb>"), application);
            assertTrue(application.contains("<context-root>/</context-root>"), application);
            assertTrue(ear.getEntry("lib/org.apache.commons-commons-fileupload2-core-2.0.0-M4.jar") != null,
                    "libraries shared from lib/");
        }
    }

    private static Set<String> classesIn(InputStream jar) throws IOException {
        Set<String> classes = new TreeSet<>();
        try (JarInputStream in = new JarInputStream(jar)) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (e.getName().endsWith(".class")) {
                    classes.add(e.getName());
                }
            }
        }
        assertEquals(false, classes.isEmpty());
        return classes;
    }
}
