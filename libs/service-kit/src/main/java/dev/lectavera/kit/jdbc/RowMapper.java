package dev.lectavera.kit.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps the current row of a result set; may throw SQLException, which {@link Sql} wraps. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
}
