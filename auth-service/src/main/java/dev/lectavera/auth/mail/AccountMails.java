package dev.lectavera.auth.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;

/** Type-safe plain-text mail templates ({@code templates/AccountMails/*.txt}). */
final class AccountMails {

    private AccountMails() {
    }

    record verifyEmail(String fullName, String link, long validHours) implements MailTemplateInstance {
    }

    record resetPassword(String fullName, String link, long validMinutes) implements MailTemplateInstance {
    }
}
