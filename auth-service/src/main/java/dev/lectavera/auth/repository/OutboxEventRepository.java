package dev.lectavera.auth.repository;

import dev.lectavera.auth.model.OutboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutboxEventRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * The oldest unpublished events, row-locked; rows another instance's relay holds are skipped, so two
     * instances never send the same row at the same time. Must run inside a transaction.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockUnpublishedBatch(int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM outbox_event
                        WHERE published_at IS NULL
                        ORDER BY created_at, id
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    public long deletePublishedBefore(Instant cutoff) {
        return delete("publishedAt is not null and publishedAt < ?1", cutoff);
    }
}
