package dev.lectavera.auth.support;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** Reads the mock mailbox: mails are sent after commit, asynchronously, so reading waits for them. */
public final class Mails {

    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

    private Mails() {
    }

    public static Mail awaitMail(MockMailbox mailbox, String to, String subjectPart) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> mailbox.getMailsSentTo(to).stream()
                        .filter(mail -> mail.getSubject().contains(subjectPart))
                        .reduce((first, second) -> second) // the latest
                        .orElse(null),
                mail -> mail != null);
    }

    public static String tokenIn(Mail mail) {
        Matcher matcher = TOKEN.matcher(mail.getText());
        if (!matcher.find()) {
            throw new AssertionError("No token link in mail: " + mail.getText());
        }
        return matcher.group(1);
    }

    public static String awaitVerificationToken(MockMailbox mailbox, String to) {
        return tokenIn(awaitMail(mailbox, to, "Confirm"));
    }

    public static String awaitResetToken(MockMailbox mailbox, String to) {
        return tokenIn(awaitMail(mailbox, to, "Reset"));
    }
}
