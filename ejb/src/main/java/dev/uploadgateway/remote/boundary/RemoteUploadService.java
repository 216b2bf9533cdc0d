package dev.uploadgateway.remote.boundary;

import dev.uploadgateway.configuration.control.ConfigKeys;
import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.provider.entity.ProviderFailure;
import dev.uploadgateway.remote.entity.FileUpload;
import dev.uploadgateway.remote.entity.RolloutStatus;
import dev.uploadgateway.remote.entity.UploadProblem;
import dev.uploadgateway.remote.entity.UploadStatus;
import dev.uploadgateway.rollout.boundary.RolloutService;
import dev.uploadgateway.rollout.entity.RolloutSettings;
import dev.uploadgateway.upload.boundary.LocalUploads;
import dev.uploadgateway.upload.entity.Tenant;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadForm;
import dev.uploadgateway.upload.entity.UploadView;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The bean behind {@link RemoteUploads}. It carries no EJB annotation on purpose: the EAR's
 * alternate ejb-jar.xml ({@code ear/src/main/application/META-INF/upload-gateway-ejb-jar.xml})
 * declares it a stateless session bean with a remote view, so it exists on Payara Server only. The
 * same EJB jar also runs inside the Payara Micro WAR, which has no ORB and fails to deploy any
 * remote bean; there this class is not a bean at all (no bean-defining annotation in an
 * {@code annotated} bean archive). Server-side exceptions are translated into {@link UploadProblem},
 * the only exception class a client has.
 */
public class RemoteUploadService implements RemoteUploads {

    private static final Logger LOG = Logger.getLogger(RemoteUploadService.class.getName());
    /** Remote callers (IIOP, no login) are one tenant: they see the uploads made through this view only. */
    private static final Tenant REMOTE = Tenant.of(Tenant.REMOTE);

    @Inject
    LocalUploads uploads;
    @Inject
    RolloutService rollout;
    @Inject
    Config config;

    @Override
    public UploadStatus upload(FileUpload file) {
        byte[] content = file.content() == null ? new byte[0] : file.content();
        long max = config.getValue(ConfigKeys.REMOTE_MAX_BYTES, Long.class);
        if (content.length > max) {
            throw problem(ProblemType.UPLOAD_TOO_LARGE, "The file has " + content.length
                    + " bytes; the remote view takes at most " + max + " (" + ConfigKeys.REMOTE_MAX_BYTES
                    + "). Send larger files to POST /api/uploads, which streams them.");
        }
        UploadForm form = new UploadForm(file.filename(), file.contentType(), file.provider(), file.purpose());
        try {
            return status(uploads.upload(REMOTE, form, new ByteArrayInputStream(content), file.stickinessKey())
                    .toCompletableFuture().join());
        } catch (CompletionException e) {
            throw problem(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            throw problem(e);
        }
    }

    @Override
    public UploadStatus status(String uploadId) {
        try {
            return status(uploads.find(REMOTE, uploadId));
        } catch (RuntimeException e) {
            throw problem(e);
        }
    }

    @Override
    public RolloutStatus rollout() {
        RolloutSettings settings = rollout.settings();
        return new RolloutStatus(settings.asyncEnabled(), settings.percent(), settings.fallback());
    }

    /** From the upload's view, which is what {@code GET /api/uploads/{id}} answers with: the same fields and words. */
    private static UploadStatus status(Upload upload) {
        UploadView u = upload.view();
        return new UploadStatus(u.id(), u.filename(), u.contentType(), u.bytes(), u.sha256(), u.provider(),
                u.providerFileId(), u.purpose(), u.path(), u.state(), u.attempts(), u.durationMs(), u.stickinessKey(),
                u.failureClass(), u.failureReason(), u.createdAt(), u.completedAt());
    }

    /** The same status, type and title the HTTP API's problem mappers answer with. */
    private static UploadProblem problem(Throwable failure) {
        if (failure instanceof Refused rejected) {
            return problem(rejected.problem(), rejected.getMessage());
        }
        if (failure instanceof ProviderFailure provider) {
            LOG.log(Level.WARNING, "Remote upload to provider {0} failed: {1}",
                    new Object[]{provider.provider(), provider.getMessage()});
            return problem(provider.problem(), provider.getMessage());
        }
        LOG.log(Level.SEVERE, "Remote upload call failed", failure);
        return problem(ProblemType.INTERNAL_ERROR, "The gateway failed unexpectedly; its log has the cause.");
    }

    private static UploadProblem problem(ProblemType type, String detail) {
        return new UploadProblem(type.status(), type.slug(), type.title(), detail);
    }
}
