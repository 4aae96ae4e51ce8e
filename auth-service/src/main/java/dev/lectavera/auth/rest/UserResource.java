package dev.lectavera.auth.rest;

import dev.lectavera.auth.service.AccountService;
import dev.lectavera.kit.user.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.UUID;

/** The caller's own account. {@code GET /api/v1/users/rate-limit-status} is the gateway's, not ours. */
@Path("/api/v1/users/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UserResource {

    private final AccountService accounts;
    private final CurrentUser caller;

    UserResource(AccountService accounts, CurrentUser caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller's account")
    public Responses.User me() {
        return Responses.User.of(accounts.get(caller.id()));
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change the full name (an absent field is left as it is)")
    public Responses.User update(@Valid @NotNull Requests.UpdateProfile request) {
        UUID userId = caller.id();
        if (request.fullName() == null) {
            return Responses.User.of(accounts.get(userId));
        }
        return Responses.User.of(accounts.rename(userId, request.fullName()));
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(204)
    @APIResponse(responseCode = "204")
    @Operation(summary = "Change the password (current one required); every token and session of the user ends, "
            + "this one too: log in again with the new password")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords for this account (Retry-After)")
    public void changePassword(@Valid @NotNull Requests.ChangePassword request) {
        accounts.changePassword(caller.id(), request.currentPassword(), request.newPassword());
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(204)
    @APIResponse(responseCode = "204")
    @Operation(summary = "Delete the account (password required in the body); emits UserDeleted; every token of "
            + "the user is revoked")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords for this account (Retry-After)")
    public void delete(@Valid @NotNull Requests.DeleteAccount request) {
        accounts.delete(caller.id(), request.password());
    }
}
