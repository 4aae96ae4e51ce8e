package dev.lectavera.study.service.rag;

import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Verdict;

import java.util.List;

/**
 * @param model    who wrote the text: the model's name, or {@link ExtractiveAnswerer#MODEL}
 * @param fallback the configured model failed and the offline provider answered instead
 */
public record GeneratedAnswer(String content, List<Citation> citations, Verdict verdict, String model,
                              int promptTokens, int completionTokens, boolean fallback) {
}
