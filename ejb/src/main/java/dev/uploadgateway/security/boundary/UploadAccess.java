package dev.uploadgateway.security.boundary;

import dev.uploadgateway.security.control.GatewayLogin;
import dev.uploadgateway.upload.entity.CredentialsRequired;
import dev.uploadgateway.upload.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/**
 * The tenant a caller of the upload APIs acts as: an operator sees every tenant; an API key's
 * holder is its tenant; a caller without a key is tenant {@value Tenant#ANONYMOUS} where anonymous
 * uploads are open. {@code auth.anonymous-uploads}: {@code auto} (the default) opens them only while
 * no provider other than {@code local} has an API key, so the embedded default needs no key and a
 * gateway that can spend Kimi's or GLM's quota does; {@code true} and {@code false} decide outright.
 */
@ApplicationScoped
public class UploadAccess {

    public static final String OPERATOR = GatewayLogin.OPERATOR;
    public static final String KEY_REFUSED = GatewayLogin.KEY_REFUSED;

    @Inject
    Config config;

    /**
     * @param caller the authenticated principal, or null
     * @param uploader whether the caller logged in with an API key
     * @param keyRefused whether the request presented an API key that is not one
     */
    public Tenant tenant(Principal caller, boolean operator, boolean uploader, boolean keyRefused) {
        if (keyRefused) {
            throw new CredentialsRequired("The API key is not one of this gateway's: send Authorization: Bearer "
                    + "<key> with a key from auth.api-keys or files-api.keys.");
        }
        if (caller != null && operator) {
            return new Tenant(caller.getName(), true);
        }
        if (caller != null && uploader) {
            return Tenant.of(caller.getName());
        }
        if (anonymousUploads()) {
            return Tenant.of(Tenant.ANONYMOUS);
        }
        throw new CredentialsRequired("This gateway delivers to providers that cost money, so uploads and their "
                + "records need an API key: send Authorization: Bearer <key> (auth.api-keys).");
    }

    public boolean anonymousUploads() {
        String setting = config.getOptionalValue("auth.anonymous-uploads", String.class).orElse("auto")
                .strip().toLowerCase(Locale.ROOT);
        if (!"auto".equals(setting)) {
            return "true".equals(setting);
        }
        return blank("provider.kimi.api-key") && blank("provider.glm.api-key");
    }

    private boolean blank(String key) {
        return config.getOptionalValue(key, String.class).map(String::isBlank).orElse(true);
    }
}
