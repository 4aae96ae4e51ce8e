package dev.lectavera.quiz.grading;

import dev.lectavera.quiz.config.QuizConfig;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.generation.model.ModelOutputParser;
import dev.lectavera.quiz.generation.model.ModelPrompts;
import dev.lectavera.quiz.generation.model.QuizModelCalls;
import dev.lectavera.quiz.model.Question;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/**
 * Grades answers: {@link AnswerGrader}'s rules first; with the openai provider (and
 * {@code lectavera.quiz.grading.use-model}), a typed answer the rules reject goes to the model, whose "correct"
 * overrules them. A model that fails or answers badly leaves the rule's verdict standing.
 */
@ApplicationScoped
public class Grading {

    private static final Logger LOG = Logger.getLogger(Grading.class);

    private final Instance<QuizModelCalls> model;
    private final boolean useModel;

    Grading(Instance<QuizModelCalls> model, QuizConfig config) {
        this.model = model;
        this.useModel = config.model().provider() == QuizConfig.Provider.OPENAI && config.grading().useModel();
    }

    public Grade grade(Question question, String given) {
        QuestionType type = QuestionType.fromWire(question.type()).orElseThrow();
        Grade byRule = AnswerGrader.grade(type, question.answer(), given);
        if (byRule.correct() || !useModel || type.isChoice() || Grade.UNANSWERED.equals(byRule.method())) {
            return byRule;
        }
        try {
            boolean correct = ModelOutputParser.correct(model.get().gradeAnswer(
                    ModelPrompts.gradeAnswer(question.prompt(), question.answer(), given, question.passage())));
            return correct ? new Grade(true, Grade.MODEL) : byRule;
        } catch (RuntimeException e) {
            LOG.warnf("Model grading failed, the lenient rules stand: %s", e.toString());
            return byRule;
        }
    }
}
