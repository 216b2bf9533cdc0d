package dev.uploadgateway.it;

import dev.uploadgateway.remote.boundary.RemoteUploads;
import dev.uploadgateway.remote.entity.FileUpload;
import dev.uploadgateway.remote.entity.RolloutStatus;
import dev.uploadgateway.remote.entity.UploadProblem;
import dev.uploadgateway.remote.entity.UploadStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.naming.InitialContext;

/**
 * A remote EJB client as an integrator writes one, run by {@link PayaraServerIT} in its own JVM
 * with only Payara's {@code gf-client.jar}, the gateway's client jar and this class on the class
 * path. Arguments: file, stickiness key, provider, size of a file that must be refused. Prints one
 * line per result for the test to check; exits non-zero on anything unexpected.
 */
final class RemoteUploadClient {

    static final String NAME = "java:global/upload-gateway/upload-gateway-ejb/RemoteUploadService!"
            + "dev.uploadgateway.remote.boundary.RemoteUploads";

    private RemoteUploadClient() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        RemoteUploads gateway = (RemoteUploads) new InitialContext().lookup(NAME);

        RolloutStatus rollout = gateway.rollout();
        System.out.println("rollout asyncEnabled=" + rollout.asyncEnabled() + " percent=" + rollout.percent());

        UploadStatus uploaded = gateway.upload(new FileUpload(file.getFileName().toString(), "application/octet-stream",
                args[2], null, args[1], Files.readAllBytes(file)));
        System.out.println("uploaded id=" + uploaded.id() + " path=" + uploaded.path() + " state=" + uploaded.state()
                + " attempts=" + uploaded.attempts());

        UploadStatus status = gateway.status(uploaded.id());
        System.out.println("status id=" + status.id() + " state=" + status.state() + " sha256=" + status.sha256()
                + " bytes=" + status.bytes() + " provider=" + status.provider());

        try {
            gateway.upload(new FileUpload("too-large.bin", null, null, null, null, new byte[Integer.parseInt(args[3])]));
            System.out.println("refused none");
        } catch (UploadProblem e) {
            System.out.println("refused status=" + e.status() + " type=" + e.type() + " detail=" + e.getMessage());
        }
        try {
            gateway.status("no-such-upload");
            System.out.println("unknown none");
        } catch (UploadProblem e) {
            System.out.println("unknown status=" + e.status() + " type=" + e.type());
        }
    }
}
