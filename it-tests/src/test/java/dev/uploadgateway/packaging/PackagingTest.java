package dev.uploadgateway.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The two deployables carry the same classes, each exactly once, packaged for their server. */
class PackagingTest {

    private static final String WAR = System.getProperty("gateway.war");
    private static final String EAR = System.getProperty("gateway.ear");
    private static final String CLIENT_JAR = System.getProperty("remote.client.jar");
    private static final String EJB_JAR_IN_WAR = "WEB-INF/lib/upload-gateway-ejb-1.0.0-SNAPSHOT.jar";
    private static final String REMOTE_BEAN = "dev/uploadgateway/remote/boundary/RemoteUploadService.class";
    private static final String ALT_DD = "META-INF/upload-gateway-ejb-jar.xml";

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

    /** Payara Micro has no ORB: one remote bean and the whole deployment fails. */
    @Test
    void theMicroWarHasNoRemoteBean() throws IOException {
        try (ZipFile war = new ZipFile(WAR)) {
            Map<String, byte[]> files = new TreeMap<>();
            for (ZipEntry e : war.stream().toList()) {
                if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
                    files.putAll(filesIn(war.getInputStream(e)));
                } else if (!e.isDirectory()) {
                    files.put(e.getName(), war.getInputStream(e).readAllBytes());
                }
            }
            assertTrue(files.containsKey(REMOTE_BEAN), "the remote view's class is in the WAR, as a plain class");
            files.forEach((name, bytes) -> {
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("Ljakarta/ejb/Remote;") || text.contains("Ljavax/ejb/Remote;"), name + " uses @Remote");
                if (name.endsWith("ejb-jar.xml")) {
                    assertFalse(text.contains("business-remote") || text.contains("<remote>"), name + " declares a remote view");
                }
            });
            String bean = new String(files.get(REMOTE_BEAN), StandardCharsets.ISO_8859_1);
            assertFalse(bean.contains("Ljakarta/ejb/Stateless;") || bean.contains("Ljakarta/enterprise/context/"),
                    "the remote view's class is neither a session bean nor a CDI bean by annotation");
        }
    }

    @Test
    void theEarDeclaresTheRemoteViewInTheEjbModulesAltDd() throws IOException {
        try (ZipFile ear = new ZipFile(EAR)) {
            String application = new String(ear.getInputStream(ear.getEntry("META-INF/application.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(application.contains("<alt-dd>" + ALT_DD + "</alt-dd>"), application);
            assertTrue(ear.getEntry(ALT_DD) != null, "the alternate descriptor is in the EAR");
            String descriptor = new String(ear.getInputStream(ear.getEntry(ALT_DD)).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(descriptor.contains("<ejb-class>dev.uploadgateway.remote.boundary.RemoteUploadService</ejb-class>"));
            assertTrue(descriptor.contains("<business-remote>dev.uploadgateway.remote.boundary.RemoteUploads</business-remote>"));
            assertTrue(descriptor.contains("metadata-complete=\"false\""), "the annotated beans stay beans");
            assertTrue(classesIn(ear.getInputStream(ear.getEntry("upload-gateway-ejb.jar"))).contains(REMOTE_BEAN));
        }
    }

    /** What integrators put on their class path: the remote interface and its entities, plain Java. */
    @Test
    void theClientJarHoldsTheRemoteInterfaceAndItsEntitiesOnly() throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (InputStream jar = Files.newInputStream(Path.of(CLIENT_JAR))) {
            filesIn(jar).forEach((name, bytes) -> {
                if (name.endsWith(".class")) {
                    classes.put(name, bytes);
                }
            });
        }
        assertEquals(Set.of("dev/uploadgateway/remote/boundary/RemoteUploads.class",
                "dev/uploadgateway/remote/entity/FileUpload.class", "dev/uploadgateway/remote/entity/UploadStatus.class",
                "dev/uploadgateway/remote/entity/RolloutStatus.class", "dev/uploadgateway/remote/entity/UploadProblem.class",
                "dev/uploadgateway/remote/entity/package-info.class"), classes.keySet());
        Pattern foreign = Pattern.compile("jakarta/|javax/|dev/uploadgateway/(?!remote/)");
        classes.forEach((name, bytes) -> assertFalse(foreign.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).find(),
                name + " needs a class a client does not have"));
    }

    private static Map<String, byte[]> filesIn(InputStream jar) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (JarInputStream in = new JarInputStream(jar)) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (!e.isDirectory()) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return files;
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
