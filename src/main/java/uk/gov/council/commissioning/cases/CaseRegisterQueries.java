package uk.gov.council.commissioning.cases;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * What every case register does with its rows, over the register's own {@code SELECT} (the case
 * table joined to what it shows) and row mapping: numbers a new case from its row's id, finds a
 * case by a key, lists all cases or those of some provider organisations, whole or a page at a
 * time.
 *
 * <p>A page is read with {@code LIMIT}/{@code OFFSET} over the list's order, one entry more than
 * the page holds to tell whether more follow; the order must end in a unique column so that pages
 * neither repeat nor skip an entry. The whole list is counted only when the caller asks.
 */
@RequiredArgsConstructor
public final class CaseRegisterQueries<T> {

  /** A new case's row: its generated id and the number made from it. */
  public record NumberedRow(long id, String number) {}

  private final JdbcClient jdbc;
  private final String select;
  private final RowMapper<T> row;

  /**
   * How a register numbers its cases: {@code prefix}, then the row's id zero-padded to {@code
   * digits} (more digits once the ids outgrow them). The ids come from the sequence {@code
   * <table>_number}, which is also the id column's default.
   */
  public record Numbering(String table, String numberColumn, String prefix, int digits) {

    /** The number of the row with this id. */
    public String of(long id) {
      return prefix + String.format("%0" + digits + "d", id);
    }

    /** The same number in SQL, of the id {@code id}, from the parameter {@code :numberPrefix}. */
    String sql(String id) {
      String text = "CAST(" + id + " AS VARCHAR(20))";
      return ":numberPrefix || CASE WHEN "
          + id
          + " < "
          + (long) Math.pow(10, digits)
          + " THEN LPAD("
          + text
          + ", "
          + digits
          + ", '0') ELSE "
          + text
          + " END";
    }
  }

  /**
   * Inserts a case with its number in one statement: the row's id is taken from the register's
   * sequence in the insert itself and its number made from it there, so the row is never written
   * twice. {@code columns} are the row's other columns and {@code values} their values, as SQL
   * naming {@code params}; a parameter that may be null must carry its SQL type (PostgreSQL cannot
   * tell the type of a null in an {@code INSERT ... SELECT}).
   */
  public static NumberedRow insertNumbered(
      JdbcClient jdbc, Numbering numbering, String columns, String values, Map<String, ?> params) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO "
                + numbering.table()
                + " (id, "
                + numbering.numberColumn()
                + ", "
                + columns
                + ") SELECT n.id, "
                + numbering.sql("n.id")
                + ", "
                + values
                + " FROM (SELECT nextval('"
                + numbering.table()
                + "_number') AS id) n")
        .params(params)
        .param("numberPrefix", numbering.prefix())
        .update(key, "id");
    long id = key.getKey().longValue();
    return new NumberedRow(id, numbering.of(id));
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

  /** A page of all cases in the order {@code orderBy}. */
  public PageOf<T> page(String orderBy, PageQuery query) {
    return page("", Map.of(), orderBy, query);
  }

  /**
   * A page of the cases of the providers whose organisation group is one of {@code groups}: the
   * providers' ids are looked up first and {@code condition} names them as {@code (:providers)} on
   * the case table's own provider column, so that the database plans the page knowing whose rows it
   * reads (a provider with few cases is read from the provider index, one with many from the list
   * order) rather than guessing an average provider. An empty page when no group is given or none
   * is a provider's.
   */
  public PageOf<T> pageOfProviders(
      String condition, Collection<String> groups, String orderBy, PageQuery query) {
    List<Long> providers =
        groups.isEmpty()
            ? List.of()
            : jdbc.sql("SELECT id FROM provider WHERE organisation_group IN (:groups)")
                .param("groups", List.copyOf(groups))
                .query(Long.class)
                .list();
    if (providers.isEmpty()) {
      return PageOf.empty(query);
    }
    return page(" WHERE " + condition, Map.of("providers", providers), orderBy, query);
  }

  /**
   * The statement a page is read with, for a plan to be checked: {@code where} is empty or starts
   * with {@code WHERE}; it names the parameters {@code :pageLimit} and {@code :pageOffset}.
   */
  public String pageStatement(String where, String orderBy) {
    return select + where + " ORDER BY " + orderBy + " LIMIT :pageLimit OFFSET :pageOffset";
  }

  private PageOf<T> page(String where, Map<String, ?> params, String orderBy, PageQuery query) {
    List<T> read =
        jdbc.sql(pageStatement(where, orderBy))
            .params(params)
            .param("pageLimit", query.size() + 1)
            .param("pageOffset", query.offset())
            .query(row)
            .list();
    Long total = null;
    if (query.withTotal()) {
      total =
          read.size() <= query.size() && (query.page() == 0 || !read.isEmpty())
              ? query.offset() + read.size()
              : jdbc.sql("SELECT COUNT(*) FROM (" + select + where + ") counted")
                  .params(params)
                  .query(Long.class)
                  .single();
    }
    return PageOf.fromOneMore(read, query, total);
  }
}
