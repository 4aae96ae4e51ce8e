package dev.lectavera.study.service;

import dev.lectavera.contracts.events.QueryAnswered;
import dev.lectavera.outbox.OutboxWriter;
import dev.lectavera.study.model.Ids;
import dev.lectavera.study.model.MessageRow;
import dev.lectavera.study.model.Role;
import dev.lectavera.study.model.SessionRow;
import dev.lectavera.study.repository.MessageRepository;
import dev.lectavera.study.repository.MessageRepository.NewMessage;
import dev.lectavera.study.repository.SessionRepository;
import dev.lectavera.study.service.rag.QuestionCondenser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The messages of sessions. Every message is committed to PostgreSQL (with its session row locked, see
 * MessageRepository.append) before anyone is told about it; the Redis live window follows after the commit. Reads of
 * recent messages come from the window when it is complete and current, otherwise from PostgreSQL (and the
 * window is rebuilt).
 */
@ApplicationScoped
public class ChatLog {

    /** A stored question and its session as it is now (counters included). */
    public record Asked(MessageRow question, SessionRow session) {
    }

    /** Messages of a page and whether more follow. */
    public record Page(List<MessageRow> messages, boolean hasMore) {
    }

    private final SessionRepository sessions;
    private final MessageRepository messages;
    private final OutboxWriter outbox;
    private final LiveWindow window;
    private final Event<LiveWindow.MessageStored> stored;

    ChatLog(SessionRepository sessions, MessageRepository messages, OutboxWriter outbox, LiveWindow window,
            Event<LiveWindow.MessageStored> stored) {
        this.sessions = sessions;
        this.messages = messages;
        this.outbox = outbox;
        this.window = window;
        this.stored = stored;
    }

    /** Stores a user's question in an active session of theirs. */
    @Transactional
    public Asked appendQuestion(UUID userId, UUID sessionId, String content) {
        MessageRepository.Appended appended = messages.append(userId, NewMessage.user(Ids.next(), sessionId, content),
                true).orElseThrow(() -> notActive(userId, sessionId));
        stored.fire(new LiveWindow.MessageStored(appended.message()));
        return new Asked(appended.message(), appended.session());
    }

    /** Why a question could not be stored: the session is archived, or it is not the user's (or gone). */
    private StudyProblem notActive(UUID userId, UUID sessionId) {
        return sessions.findOwned(userId, sessionId).isPresent()
                ? StudyProblem.sessionArchived(sessionId) : StudyProblem.sessionNotFound(sessionId);
    }

    /**
     * Stores an answer and, in the same transaction, its QueryAnswered event. The question was accepted, so the
     * answer is kept even if the session was archived meanwhile.
     */
    @Transactional
    public MessageRow appendAnswer(UUID userId, NewMessage answer, List<UUID> documentIds) {
        MessageRow message = messages.append(userId, answer, false)
                .orElseThrow(() -> StudyProblem.sessionNotFound(answer.sessionId())).message();
        stored.fire(new LiveWindow.MessageStored(message));
        queryAnswered(userId, message, documentIds);
        return message;
    }

    /** The answer's QueryAnswered, into the outbox in the caller's transaction. */
    private void queryAnswered(UUID userId, MessageRow message, List<UUID> documentIds) {
        outbox.append(message.sessionId(), new QueryAnswered(message.id(), message.sessionId(), userId,
                List.copyOf(documentIds), message.latencyMs(), Boolean.TRUE.equals(message.cacheHit()),
                message.verdict().name(), message.citations().size(),
                message.promptTokens() == null ? 0 : message.promptTokens(),
                message.completionTokens() == null ? 0 : message.completionTokens(), message.model(),
                message.createdAt()));
    }

    /**
     * Stores a question together with an answer that was known before it was stored (from the answer cache), and
     * the answer's QueryAnswered event: one statement for both messages, one transaction, one commit. Fails like
     * {@link #appendQuestion} (and stores nothing) when the session is not the user's active one.
     */
    @Transactional
    public AskService.Answered appendExchange(UUID userId, UUID sessionId, String question, NewMessage answer,
                                              List<UUID> documentIds) {
        MessageRepository.AppendedExchange exchange = messages.appendExchange(userId,
                NewMessage.user(Ids.next(), sessionId, question), answer).orElseThrow(() -> notActive(userId, sessionId));
        stored.fire(new LiveWindow.MessageStored(exchange.question()));
        stored.fire(new LiveWindow.MessageStored(exchange.answer()));
        queryAnswered(userId, exchange.answer(), documentIds);
        return new AskService.Answered(exchange.question(), exchange.answer());
    }

    /**
     * Messages after {@code after} (exclusive), oldest first; without {@code after}, the newest {@code limit}.
     * Served from the live window when it covers the request.
     */
    public Page poll(SessionRow session, UUID after, int limit) {
        if (session.messageCount() == 0) {
            if (after != null) {
                throw StudyProblem.unknownMessage(after);
            }
            return new Page(List.of(), false);
        }
        Long afterSeq = after == null ? null : messages.seqOf(session.id(), after)
                .orElseThrow(() -> StudyProblem.unknownMessage(after));
        // without `after` only the newest `limit` entries are needed: read (and parse) just those
        Optional<List<MessageRow>> cached = afterSeq == null ? window.readNewest(session.id(), limit)
                : window.read(session.id());
        if (cached.isPresent() && LiveWindow.usable(cached.get(), session.lastMessageSeq())) {
            List<MessageRow> live = cached.get();
            boolean complete = live.size() >= session.messageCount();
            if (afterSeq == null && (complete || live.size() >= limit)) {
                int from = Math.max(0, live.size() - limit);
                return new Page(List.copyOf(live.subList(from, live.size())), false);
            }
            if (afterSeq != null && (complete || live.getFirst().seq() <= afterSeq)) {
                List<MessageRow> newer = live.stream().filter(m -> m.seq() > afterSeq).toList();
                return newer.size() > limit ? new Page(newer.subList(0, limit), true) : new Page(newer, false);
            }
        }
        window.rebuild(session.id(), messages.latest(session.id(), window.size()));
        if (afterSeq == null) {
            return new Page(messages.latest(session.id(), limit), false);
        }
        List<MessageRow> rows = messages.after(session.id(), afterSeq, limit + 1);
        return rows.size() > limit ? new Page(rows.subList(0, limit), true) : new Page(rows, false);
    }

    /** The whole transcript from PostgreSQL, oldest first, a page at a time. */
    public Page history(SessionRow session, UUID after, int limit) {
        long afterSeq = after == null ? 0 : messages.seqOf(session.id(), after)
                .orElseThrow(() -> StudyProblem.unknownMessage(after));
        List<MessageRow> rows = messages.after(session.id(), afterSeq, limit + 1);
        return rows.size() > limit ? new Page(List.copyOf(rows.subList(0, limit)), true) : new Page(rows, false);
    }

    /** The conversation before {@code current} (oldest first, at most {@code count} messages). */
    public List<QuestionCondenser.Turn> turnsBefore(SessionRow session, UUID current, int count) {
        List<MessageRow> recent = poll(session, null, count + 1).messages();
        List<QuestionCondenser.Turn> turns = new ArrayList<>();
        for (MessageRow m : recent) {
            if (!m.id().equals(current)) {
                turns.add(new QuestionCondenser.Turn(m.role() == Role.USER, m.content()));
            }
        }
        return turns.size() > count ? turns.subList(turns.size() - count, turns.size()) : turns;
    }
}
