package dev.lectavera.gateway.edge;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.ratelimit.RateCharge;
import dev.lectavera.gateway.ratelimit.RateClass;
import dev.lectavera.gateway.security.VerifiedToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Who a request is charged to, per rate class: the user ({@code u:<sub>}), the client address ({@code ip:<address>},
 * see {@link ClientAddress}), or, on the auth routes, the address plus the account ({@code :e:<email hash>} or
 * {@code :u:<sub>}). The buckets' keys are built from these subjects ({@link RateCharge#key()}).
 */
@ApplicationScoped
public class RateSubjects {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final ClientAddress clientAddress;

    RateSubjects(GatewayConfig config) {
        this.clientAddress = new ClientAddress(config.clientAddress().trustedProxies().orElse(List.of()));
    }

    /** The buckets of an authenticated request: its class per user, or for the password-confirming routes per address + account. */
    public RateCharge[] chargesOf(HttpServerRequest request, RateClass rateClass, VerifiedToken token) {
        if (rateClass != RateClass.AUTH) {
            return new RateCharge[]{new RateCharge(rateClass, user(token))};
        }
        String ip = ip(request);
        return new RateCharge[]{new RateCharge(RateClass.AUTH, ip + accountOf(token)), new RateCharge(RateClass.AUTH_IP, ip)};
    }

    /**
     * The buckets of an anonymous auth request: address + account and the address over all accounts; a registration
     * also the address's registrations.
     */
    public static RateCharge[] authCharges(String ip, String accountSuffix, boolean registration) {
        RateCharge perAccount = new RateCharge(RateClass.AUTH, ip + accountSuffix);
        RateCharge perAddress = new RateCharge(RateClass.AUTH_IP, ip);
        return registration
                ? new RateCharge[]{perAccount, perAddress, new RateCharge(RateClass.REGISTER, ip)}
                : new RateCharge[]{perAccount, perAddress};
    }

    /** The caller's subject in every class, indexed by {@link RateClass#ordinal()} (for the rate-limit status). */
    public String[] allOf(HttpServerRequest request, VerifiedToken token) {
        String ip = ip(request);
        String[] subjects = new String[RateClass.values().length];
        for (RateClass rateClass : RateClass.values()) {
            subjects[rateClass.ordinal()] = switch (rateClass) {
                case AUTH -> ip + accountOf(token);
                case AUTH_IP, REGISTER -> ip;
                default -> user(token);
            };
        }
        return subjects;
    }

    public static String user(VerifiedToken token) {
        return "u:" + token.subject();
    }

    /**
     * The client address ({@link ClientAddress}: {@code X-Forwarded-For} only from a trusted proxy). Computed only
     * for the requests limited per address, so a plain authenticated request never pays for it.
     */
    public String ip(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String peer = remote == null ? null : remote.hostAddress();
        List<String> forwardedFor = clientAddress.trustsAnyProxy() ? request.headers().getAll(FORWARDED_FOR) : List.of();
        return "ip:" + clientAddress.resolve(peer, forwardedFor);
    }

    /** The account of a token within an address's auth bucket: its email as for login, else its user id. */
    private static String accountOf(VerifiedToken token) {
        String byEmail = accountSuffix(token.email());
        return byEmail.isEmpty() ? ":u:" + token.subject() : byEmail;
    }

    /** The JSON body's {@code email}, or null when the body is not JSON or has none. */
    public static String emailIn(Buffer body) {
        try {
            Object email = new JsonObject(body).getValue("email");
            return email instanceof String text ? text : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code :e:} and a hash of the normalised email (no addresses in Redis keys); empty when there is none. */
    public static String accountSuffix(String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return ":e:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
