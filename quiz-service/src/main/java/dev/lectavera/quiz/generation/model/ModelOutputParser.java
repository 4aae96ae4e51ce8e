package dev.lectavera.quiz.generation.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.QuestionSource;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the model's replies strictly. A reply that is not a JSON object of the expected shape is rejected whole
 * ({@link ModelOutputException}); inside a well-formed reply, each question is checked on its own: exactly the
 * expected fields, a requested type, a known passage id, non-blank text, four distinct options with the answer among
 * them (multiple choice), True/False with a truth value (true/false), a blank in the prompt (fill in the blank).
 * A question that fails is dropped and counted under the format gate; the answer-in-passage check is the grounded
 * gate's job.
 */
public final class ModelOutputParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> QUESTION_FIELDS = Set.of("type", "passageId", "prompt", "options", "answer",
            "explanation", "topic");
    private static final int MAX_TEXT = 2000;

    private ModelOutputParser() {
    }

    /** The well-formed questions of a reply and how many were dropped as malformed. */
    public record Parsed(List<QuestionDraft> questions, int malformed) {
    }

    public static Parsed questions(String reply, List<Passage> passages, List<QuestionType> allowedTypes) {
        JsonNode root = object(reply);
        JsonNode items = root.get("questions");
        if (items == null || !items.isArray()) {
            throw new ModelOutputException("The reply has no \"questions\" array");
        }
        Map<String, Passage> byId = passages.stream().collect(Collectors.toMap(Passage::id, Function.identity()));
        List<QuestionDraft> questions = new ArrayList<>();
        int malformed = 0;
        for (JsonNode item : items) {
            Optional<QuestionDraft> question = question(item, byId, allowedTypes);
            if (question.isPresent()) {
                questions.add(question.get());
            } else {
                malformed++;
            }
        }
        return new Parsed(questions, malformed);
    }

    /** {"supported": true|false}; anything else is a failure. */
    public static boolean supported(String reply) {
        return flag(reply, "supported");
    }

    /** {"correct": true|false}; anything else is a failure. */
    public static boolean correct(String reply) {
        return flag(reply, "correct");
    }

    private static boolean flag(String reply, String field) {
        JsonNode root = object(reply);
        JsonNode value = root.get(field);
        if (root.size() != 1 || value == null || !value.isBoolean()) {
            throw new ModelOutputException("Expected {\"" + field + "\": true|false}");
        }
        return value.booleanValue();
    }

    private static JsonNode object(String reply) {
        if (reply == null || reply.isBlank()) {
            throw new ModelOutputException("Empty reply");
        }
        String json = stripFence(reply.strip());
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new ModelOutputException("The reply is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ModelOutputException("The reply is not valid JSON", e);
        }
    }

    /** Some models wrap JSON in a Markdown code fence even in JSON mode. */
    private static String stripFence(String text) {
        if (text.startsWith("```")) {
            int firstLine = text.indexOf('\n');
            int closing = text.lastIndexOf("```");
            if (firstLine > 0 && closing > firstLine) {
                return text.substring(firstLine + 1, closing).strip();
            }
        }
        return text;
    }

    static Optional<QuestionDraft> question(JsonNode item, Map<String, Passage> passages,
                                            List<QuestionType> allowedTypes) {
        if (!(item instanceof ObjectNode object) || !QUESTION_FIELDS.containsAll(fieldNames(object))) {
            return Optional.empty();
        }
        Optional<QuestionType> type = text(object, "type").flatMap(QuestionType::fromWire)
                .filter(allowedTypes::contains);
        Optional<Passage> passage = text(object, "passageId").map(passages::get);
        Optional<String> prompt = text(object, "prompt");
        Optional<String> answer = object.get("answer") != null && object.get("answer").isBoolean()
                ? Optional.of(String.valueOf(object.get("answer").booleanValue())) : text(object, "answer");
        Optional<String> explanation = text(object, "explanation");
        Optional<String> topic = text(object, "topic");
        Optional<List<String>> options = options(object.get("options"));
        if (type.isEmpty() || passage.isEmpty() || prompt.isEmpty() || answer.isEmpty() || explanation.isEmpty()
                || topic.isEmpty() || options.isEmpty()) {
            return Optional.empty();
        }
        List<String> choices = options.get();
        String key = answer.get();
        switch (type.get()) {
            case MULTIPLE_CHOICE -> {
                if (choices.size() != 4) {
                    return Optional.empty();
                }
                String normalized = TextNormalizer.normalize(key);
                Optional<String> option = choices.stream()
                        .filter(c -> TextNormalizer.normalize(c).equals(normalized)).findFirst();
                if (option.isEmpty()) {
                    return Optional.empty();
                }
                key = option.get();
            }
            case TRUE_FALSE -> {
                String truth = key.toLowerCase(Locale.ROOT);
                boolean trueFalseOptions = choices.isEmpty() || (choices.size() == 2
                        && choices.get(0).equalsIgnoreCase("true") && choices.get(1).equalsIgnoreCase("false"));
                if (!(truth.equals("true") || truth.equals("false")) || !trueFalseOptions) {
                    return Optional.empty();
                }
                key = truth;
                choices = List.of("True", "False");
            }
            case FILL_IN_BLANK -> {
                if (!choices.isEmpty() || !prompt.get().contains("___")) {
                    return Optional.empty();
                }
            }
            case SHORT_ANSWER -> {
                if (!choices.isEmpty()) {
                    return Optional.empty();
                }
            }
        }
        Passage cited = passage.get();
        String why = explanation.get() + " Source: page " + cited.page().page() + " of \"" + cited.page().title()
                + "\": \"" + cited.text() + "\"";
        return Optional.of(new QuestionDraft(type.get(), prompt.get(), choices, key, why, topic.get(),
                new QuestionSource(cited.page().documentId(), cited.page().title(), cited.page().page(), cited.text(),
                        cited.start(), cited.end())));
    }

    private static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static Optional<String> text(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()
                || value.textValue().length() > MAX_TEXT) {
            return Optional.empty();
        }
        return Optional.of(value.textValue().strip());
    }

    private static Optional<List<String>> options(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.of(List.of());
        }
        if (!value.isArray()) {
            return Optional.empty();
        }
        List<String> options = new ArrayList<>();
        for (JsonNode option : value) {
            if (!option.isTextual() || option.textValue().isBlank() || option.textValue().length() > MAX_TEXT) {
                return Optional.empty();
            }
            options.add(option.textValue().strip());
        }
        return Optional.of(options);
    }
}
