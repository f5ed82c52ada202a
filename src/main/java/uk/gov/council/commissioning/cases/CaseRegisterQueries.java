package uk.gov.council.commissioning.cases;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * What every case register does with its rows, over the register's own {@code SELECT} (the case
 * table joined to what it shows) and row mapping: numbers a new case from its row's id, finds a
 * case by a key, lists all cases or those of some provider organisations.
 */
@RequiredArgsConstructor
public final class CaseRegisterQueries<T> {

  /** A new case's row: its generated id and the number made from it. */
  public record NumberedRow(long id, String number) {}

  private final JdbcClient jdbc;
  private final String select;
  private final RowMapper<T> row;

  /**
   * Runs {@code insert} and gives the new row of {@code table} its number, made from the row's id
   * by {@code numbering}, in {@code numberColumn}.
   */
  public static NumberedRow insertNumbered(
      JdbcClient jdbc,
      JdbcClient.StatementSpec insert,
      String table,
      String numberColumn,
      LongFunction<String> numbering) {
    KeyHolder key = new GeneratedKeyHolder();
    insert.update(key, "id");
    long id = key.getKey().longValue();
    String number = numbering.apply(id);
    jdbc.sql("UPDATE " + table + " SET " + numberColumn + " = :number WHERE id = :id")
        .param("number", number)
        .param("id", id)
        .update();
    return new NumberedRow(id, number);
  }

  /** The case where {@code condition} (naming the parameter {@code name}) holds, if any. */
  public Optional<T> one(String condition, String name, Object value) {
    return jdbc.sql(select + " WHERE " + condition).param(name, value).query(row).optional();
  }

  public List<T> all(String orderBy) {
    return jdbc.sql(select + " ORDER BY " + orderBy).query(row).list();
  }

  /**
   * The cases where {@code condition}, naming the organisation groups as {@code (:groups)}, holds;
   * none when no group is given.
   */
  public List<T> ofGroups(String condition, Collection<String> groups, String orderBy) {
    if (groups.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(select + " WHERE " + condition + " ORDER BY " + orderBy)
        .param("groups", List.copyOf(groups))
        .query(row)
        .list();
  }
}
