package uk.gov.council.commissioning.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * The registers' nullable columns, read and written the same way by every register, in SQL that H2
 * 2.x and PostgreSQL 15 both accept. Times are kept as UTC {@code TIMESTAMP WITH TIME ZONE} to the
 * microsecond, the finest both databases hold.
 */
public final class RegisterColumns {

  private RegisterColumns() {}

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  public static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    // wasNull() speaks of the last column read, so it is asked straight after.
    return rs.wasNull() ? null : value;
  }

  public static Boolean booleanOrNull(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  /** The value a time column is written with; null stays null. */
  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  // PostgreSQL cannot infer the type of a null parameter in every position, so a parameter that may
  // be null is given its SQL type.

  public static SqlParameterValue text(String value) {
    return new SqlParameterValue(Types.VARCHAR, value);
  }

  public static SqlParameterValue bigint(Long value) {
    return new SqlParameterValue(Types.BIGINT, value);
  }

  public static SqlParameterValue date(LocalDate value) {
    return new SqlParameterValue(Types.DATE, value == null ? null : java.sql.Date.valueOf(value));
  }

  public static SqlParameterValue timestamp(Instant value) {
    return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, utc(value));
  }

  /** Text cut to the column's length, so a long entry is kept in part rather than refused. */
  public static String truncate(String text, int maxLength) {
    return text == null || text.length() <= maxLength ? text : text.substring(0, maxLength);
  }
}
