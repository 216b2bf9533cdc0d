package dev.uploadgateway.web;

import dev.uploadgateway.security.boundary.UploadAccess;
import dev.uploadgateway.upload.entity.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The tenant of the request being served, as {@link UploadAccess} decides it from the authenticated
 * caller. Anyone authenticated who is not an operator logged in with an API key (the only other
 * login there is): Payara maps the identity store's groups to roles only for roles the application
 * names in {@code @RolesAllowed}, so a role check for "uploader" is not relied on.
 */
@RequestScoped
public class Callers {

    @Inject
    UploadAccess access;
    @Inject
    SecurityContext security;
    @Inject
    HttpServletRequest request;

    public Tenant tenant() {
        return access.tenant(security.getCallerPrincipal(), security.isCallerInRole(UploadAccess.OPERATOR),
                security.getCallerPrincipal() != null, request.getAttribute(UploadAccess.KEY_REFUSED) != null);
    }
}
