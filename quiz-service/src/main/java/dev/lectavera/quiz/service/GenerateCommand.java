package dev.lectavera.quiz.service;

import dev.lectavera.quiz.generation.Difficulty;
import dev.lectavera.quiz.generation.QuestionType;

import java.util.List;
import java.util.UUID;

/** A validated generation request: distinct document ids in the caller's order, known types in a fixed order. */
public record GenerateCommand(List<UUID> documentIds, int count, Difficulty difficulty, List<QuestionType> types) {
}
