package dev.lectavera.quiz.generation.gate;

/** The quality gates a candidate question must pass; {@link #wire()} names them in responses and metrics. */
public enum Gate {
    /** A model answer that is not a well-formed question of a requested type (unknown passage, bad options...). */
    FORMAT("format"),
    /** The answer key is not found in (offline) or supported by (model) the cited passage on its page. */
    GROUNDED("grounded"),
    /** Multiple-choice distractors equal the answer or each other, or the choice list is malformed. */
    DISTRACTORS("distractors"),
    /** Near-duplicate of a question already in the quiz. */
    DUPLICATE("duplicate"),
    /** Its page already holds its fair share of the quiz. */
    SPREAD("spread");

    private final String wire;

    Gate(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
