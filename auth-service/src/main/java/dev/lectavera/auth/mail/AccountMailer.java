package dev.lectavera.auth.mail;

import dev.lectavera.auth.config.AuthConfig;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/**
 * Sends account mails after the transaction that created their token commits (a rolled-back token is never
 * mailed) and without waiting for SMTP: the HTTP answer does not depend on the mail server, and forgot-password
 * takes the same time whether or not the account exists.
 */
@ApplicationScoped
public class AccountMailer {

    private static final Logger LOG = Logger.getLogger(AccountMailer.class);

    private final Event<AccountMailRequested> requests;
    private final String publicUrl;
    private final long verificationHours;
    private final long resetMinutes;

    AccountMailer(Event<AccountMailRequested> requests, AuthConfig config) {
        this.requests = requests;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
        this.verificationHours = config.tokens().emailVerificationLifetime().toHours();
        this.resetMinutes = config.tokens().passwordResetLifetime().toMinutes();
    }

    /** Call inside the transaction that issued the token. */
    public void request(AccountMailRequested mail) {
        requests.fire(mail);
    }

    void sendAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountMailRequested mail) {
        MailTemplateInstance instance = switch (mail) {
            case AccountMailRequested.VerifyEmail verify -> new AccountMails.verifyEmail(verify.fullName(),
                    publicUrl + "/verify-email?token=" + verify.token(), verificationHours)
                    .subject("Confirm your LectaVera email address");
            case AccountMailRequested.ResetPassword reset -> new AccountMails.resetPassword(reset.fullName(),
                    publicUrl + "/reset-password?token=" + reset.token(), resetMinutes)
                    .subject("Reset your LectaVera password");
        };
        instance.to(mail.to()).send().subscribe().with(
                sent -> LOG.debugf("%s sent", mail),
                failure -> LOG.errorf("%s could not be sent: %s", mail, failure.toString()));
    }
}
