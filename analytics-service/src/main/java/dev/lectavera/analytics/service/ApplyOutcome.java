package dev.lectavera.analytics.service;

/** What applying one accepted event did (also the {@code outcome} tag of the events metric). */
public enum ApplyOutcome {
    /** New event, read models changed. */
    APPLIED,
    /** New event of a type no read model uses (e.g. QuizGenerated): only its id was recorded. */
    RECORDED_ONLY,
    /** The id was already processed: a redelivery or a replay; nothing changed. */
    DUPLICATE,
    /** New event of a user whose UserDeleted was applied: recorded and ignored. */
    IGNORED_DELETED_USER
}
