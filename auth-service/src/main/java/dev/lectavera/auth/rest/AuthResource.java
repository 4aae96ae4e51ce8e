package dev.lectavera.auth.rest;

import dev.lectavera.auth.model.UserAccount;
import dev.lectavera.auth.service.AccountService;
import dev.lectavera.auth.service.PasswordResetService;
import dev.lectavera.auth.service.SessionService;
import dev.lectavera.kit.user.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.net.URI;
import java.util.Optional;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {

    private final AccountService accounts;
    private final SessionService sessions;
    private final PasswordResetService passwordResets;
    private final JsonWebToken caller;
    private final CurrentUser currentUser;

    AuthResource(AccountService accounts, SessionService sessions, PasswordResetService passwordResets,
                 JsonWebToken caller, CurrentUser currentUser) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwordResets = passwordResets;
        this.caller = caller;
        this.currentUser = currentUser;
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account (201 with the user; a verification link is mailed)")
    @APIResponse(responseCode = "201")
    @APIResponse(responseCode = "409", description = "The email is already registered")
    public Response register(@Valid @NotNull Requests.Register request) {
        UserAccount user = accounts.register(request.email(), request.password(), request.fullName());
        return Response.created(URI.create("/api/v1/users/me")).entity(Responses.User.of(user)).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange email and password for an access token (15 min) and a refresh token (7 days)")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "401", description = "Unknown email or wrong password (one answer for both)")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords for this email (Retry-After)")
    public Response login(@Valid @NotNull Requests.Login request) {
        return tokens(sessions.login(request.email(), request.password()));
    }

    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rotate a refresh token; a spent one revokes its whole family (401); a session ends 30 days "
            + "after its login at the latest")
    public Response refresh(@Valid @NotNull Requests.Refresh request) {
        return tokens(sessions.refresh(request.refreshToken()));
    }

    @POST
    @Path("logout")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(204)
    @APIResponse(responseCode = "204")
    @Operation(summary = "End the session: revoke its refresh tokens (and those of the refresh token sent, if any) "
            + "and the access token until it expires")
    public void logout(@RequestBody(required = false) @Valid Requests.Logout request) {
        sessions.logout(currentUser.id(), caller.getTokenID(), Caller.expiresAt(caller), Caller.session(caller),
                Optional.ofNullable(request).map(Requests.Logout::refreshToken).filter(token -> !token.isBlank()));
    }

    /** The same logout for a request without a (JSON) body, as most clients send it. */
    @POST
    @Path("logout")
    @Authenticated
    @ResponseStatus(204)
    @APIResponse(responseCode = "204")
    public void logoutWithoutBody() {
        logout(null);
    }

    @POST
    @Path("forgot-password")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(202)
    @APIResponse(responseCode = "202")
    @Operation(summary = "Mail a single-use reset link (1 h) if the account exists; always 202")
    public void forgotPassword(@Valid @NotNull Requests.ForgotPassword request) {
        passwordResets.requestReset(request.email());
    }

    @POST
    @Path("reset-password")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(204)
    @APIResponse(responseCode = "204")
    @Operation(summary = "Set a new password with a reset token; every session of the user ends")
    public void resetPassword(@Valid @NotNull Requests.ResetPassword request) {
        passwordResets.reset(request.token(), request.newPassword());
    }

    @POST
    @Path("verify-email")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(204)
    @APIResponse(responseCode = "204")
    @Operation(summary = "Confirm the email address with the mailed token")
    public void verifyEmail(@Valid @NotNull Requests.VerifyEmail request) {
        accounts.verifyEmail(request.token());
    }

    private static Response tokens(SessionService.Tokens tokens) {
        // RFC 6749 section 5.1: token responses must not be cached
        return Response.ok(Responses.Tokens.of(tokens)).header("Cache-Control", "no-store")
                .header("Pragma", "no-cache").build();
    }
}
