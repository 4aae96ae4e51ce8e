package dev.lectavera.auth.security;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** A CDI bean, so the policy's configured bounds and password list are used. */
@Singleton
public class AcceptablePasswordValidator implements ConstraintValidator<AcceptablePassword, String> {

    private final PasswordPolicy policy;

    AcceptablePasswordValidator(PasswordPolicy policy) {
        this.policy = policy;
    }

    @Override
    public boolean isValid(String password, ConstraintValidatorContext context) {
        if (password == null) {
            return true;
        }
        return policy.problemWith(password).map(problem -> {
            context.disableDefaultConstraintViolation();
            // The policy's fixed wording only (no braces, nothing the client sent): safe as a message template.
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
