package dev.lectavera.study.service.rag;

/** Fixed answer texts. */
public final class Answers {

    /** NOT_FOUND: said plainly, no guess, no citation. */
    public static final String NOT_FOUND = "I could not find this in the selected documents, so I will not guess."
            + " Try rephrasing the question, or add the document that covers it to this session.";

    /** The session has no document left (they were deleted). */
    public static final String NO_DOCUMENTS = "This session has no documents left to answer from (they were"
            + " deleted). Add a document to the session to ask about it.";

    private Answers() {
    }
}
