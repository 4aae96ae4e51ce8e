package dev.lectavera.quiz.generation;

import dev.lectavera.quiz.generation.GenerationResult.Shortfall;
import dev.lectavera.quiz.generation.gate.Gate;
import dev.lectavera.quiz.generation.gate.QuestionSelector.Selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Says plainly why a quiz holds fewer questions than requested. */
public final class ShortfallNote {

    private ShortfallNote() {
    }

    /**
     * @param material what the generator had to work with, e.g. "42 usable sentences on 3 pages"
     * @return null when the count was reached
     */
    public static Shortfall of(int requested, Selection selection, String material) {
        int produced = selection.accepted().size();
        if (produced >= requested) {
            return null;
        }
        StringBuilder reason = new StringBuilder();
        reason.append("Only ").append(produced).append(" of ").append(requested)
                .append(" questions could be drawn without padding: the selected documents offer ").append(material)
                .append("; ").append(selection.examined()).append(" candidate questions were examined");
        int rejected = selection.rejections().values().stream().mapToInt(Integer::intValue).sum();
        if (rejected > 0) {
            reason.append(" and ").append(rejected).append(" turned down by the quality gates (")
                    .append(describe(selection.rejections())).append(')');
        }
        reason.append(", and no further candidate was left.");
        List<String> missing = new ArrayList<>();
        for (QuestionType type : selection.exhausted()) {
            boolean none = selection.accepted().stream().noneMatch(q -> q.type() == type);
            if (none) {
                missing.add(type.wire());
            }
        }
        if (!missing.isEmpty()) {
            reason.append(" No question could be built of type ").append(String.join(", ", missing));
            if (missing.contains(QuestionType.SHORT_ANSWER.wire())) {
                reason.append(" (short answers need definitional sentences such as \"X is a ...\")");
            }
            reason.append('.');
        }
        return new Shortfall(requested, produced, reason.toString());
    }

    static String describe(Map<Gate, Integer> rejections) {
        return rejections.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().wire() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
