package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Each case register takes its ids from a sequence of its own, {@code <table>_number}, instead of
 * the id column's identity: the insert of a case can then take the id and make the case's number
 * from it in one statement (see CaseRegisterQueries.insertNumbered), where it used to insert the
 * row and then update it with its number. The sequence starts after the highest id already used, so
 * numbers go on from where they were. Java rather than SQL because that start depends on the data,
 * and H2 and PostgreSQL have no common statement that sets a sequence from a query.
 */
public class V20__case_number_sequences extends BaseJavaMigration {

  private static final List<String> REGISTERS =
      List.of("serious_incident", "complaint", "qaf_assessment", "procurement");

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement sql = context.getConnection().createStatement()) {
      for (String table : REGISTERS) {
        long next;
        try (ResultSet max = sql.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
          max.next();
          next = max.getLong(1);
        }
        sql.execute("CREATE SEQUENCE " + table + "_number START WITH " + next);
        sql.execute("ALTER TABLE " + table + " ALTER COLUMN id DROP IDENTITY");
        sql.execute(
            "ALTER TABLE "
                + table
                + " ALTER COLUMN id SET DEFAULT nextval('"
                + table
                + "_number')");
      }
    }
  }
}
