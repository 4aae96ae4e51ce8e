package dev.lectavera.auth.model;

/** What a single-use emailed token allows. */
public enum OneTimeTokenPurpose {
    EMAIL_VERIFICATION,
    PASSWORD_RESET
}
