package dev.lectavera.outbox;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.UnknownEventTypeException;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Decodes a consumed record for an inbox consumer: a type this build does not know (a newer producer), or junk, is
 * logged and skipped, never fatal, so one bad record cannot stall a partition.
 */
public final class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private IncomingEvents() {
    }

    public static Optional<EventEnvelope<?>> decode(String json, String channel) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.read(json));
        } catch (UnknownEventTypeException e) {
            LOG.debugf("Skipping an event of unknown type on %s: %s", channel, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Skipping a record on %s that is not an event: %s", channel, e.toString());
        }
        return Optional.empty();
    }
}
