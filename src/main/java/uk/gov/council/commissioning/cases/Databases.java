package uk.gov.council.commissioning.cases;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Which of the two databases the application runs on, for the few statements that each says its own
 * way (an insert that ignores a duplicate, an update that returns what it changed).
 */
public final class Databases {

  private Databases() {}

  /** True on PostgreSQL; false on H2, the embedded database. */
  public static boolean isPostgres(DataSource dataSource) {
    try {
      String product =
          JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return product.toLowerCase(Locale.ROOT).contains("postgres");
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database this is", e);
    }
  }
}
