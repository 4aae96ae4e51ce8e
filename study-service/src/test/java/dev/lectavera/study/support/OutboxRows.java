package dev.lectavera.study.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The events study-service wrote to its outbox, as the tests see them. */
public record OutboxRows(AgroalDataSource dataSource) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event: its payload and whether the relay published it. */
    public record Row(JsonNode data, boolean published) {
    }

    /** Events of a type whose subject (session id) is given, oldest first. */
    public List<Row> of(String type, UUID subject) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT envelope, published_at IS NOT NULL FROM outbox_event"
                     + " WHERE event_type = ? AND record_key = ? ORDER BY created_at")) {
            ps.setString(1, type);
            ps.setString(2, subject.toString());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(JSON.readTree(rs.getString(1)).get("data"), rs.getBoolean(2)));
                }
            }
            return rows;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final String QUERY_ANSWERED = "lectavera.study.query-answered.v1";
    public static final String CHAT_ARCHIVED = "lectavera.study.chat-archived.v1";
}
