package dev.lectavera.quiz.review.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param rating again, hard, good or easy; may be left out when an answer is typed (its grade then decides)
 * @param answer the answer the student typed (or the option chosen), graded as a quiz answer is
 */
public record ReviewRequest(
        @Pattern(regexp = "(?i)again|hard|good|easy", message = "must be one of again, hard, good, easy") String rating,
        @Size(max = 2000) String answer) {
}
