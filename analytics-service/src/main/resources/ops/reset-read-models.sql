-- Empties every read model and the processed-event inbox so the consumers rebuild them from the
-- topics (README: "Rebuilding the read models"). deleted_user is kept on purpose: a deleted user's
-- events must stay ignored even when they are replayed. Run only while no instance is consuming.
TRUNCATE TABLE quiz_outcome_fact, quiz_attempt_fact, query_fact, chat_session_fact, document_fact,
               user_account, review_fact, review_card_fact, processed_event;
