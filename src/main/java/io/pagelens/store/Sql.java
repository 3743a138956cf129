package io.pagelens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Small JDBC helpers shared by the store's SQL classes. */
final class Sql {
    private Sql() {
    }

    /** "?, ?, ?" for an IN list of n values. */
    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static void setNullableLong(PreparedStatement st, int i, Long v) throws SQLException {
        if (v == null) st.setNull(i, Types.BIGINT);
        else st.setLong(i, v);
    }

    static void setNullableInt(PreparedStatement st, int i, Integer v) throws SQLException {
        if (v == null) st.setNull(i, Types.INTEGER);
        else st.setInt(i, v);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
