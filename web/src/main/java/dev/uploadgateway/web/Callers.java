package dev.uploadgateway.web;

import dev.uploadgateway.security.boundary.UploadAccess;
import dev.uploadgateway.upload.entity.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The tenant of the request being served, as {@link UploadAccess} decides it from the authenticated
 * caller. Anyone authenticated who is not an operator logged in with an API key (the only other
 * login there is): Payara maps the identity store's groups to roles only for roles the application
 * names in {@code @RolesAllowed}, so {@code isUserInRole("uploader")} is not relied on.
 */
public final class Callers {

    private Callers() {
    }

    public static Tenant tenant(UploadAccess access, SecurityContext security, HttpServletRequest request) {
        return access.tenant(security.getUserPrincipal(), security.isUserInRole(UploadAccess.OPERATOR),
                security.getUserPrincipal() != null, request.getAttribute(UploadAccess.KEY_REFUSED) != null);
    }
}
