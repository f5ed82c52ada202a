package uk.gov.council.commissioning.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.cases.CaseRegisterQueries.NumberedRow;
import uk.gov.council.commissioning.cases.CaseRegisterQueries.Numbering;

class CaseNumberingTest {

  private static final Numbering NUMBERING = new Numbering("register", "number", "SI-2026-", 6);

  private JdbcClient jdbc;

  @BeforeEach
  void database() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("CREATE SEQUENCE register_number START WITH 41").update();
    jdbc.sql(
            "CREATE TABLE register (id BIGINT DEFAULT nextval('register_number') PRIMARY KEY,"
                + " number VARCHAR(20) UNIQUE, note VARCHAR(20))")
        .update();
  }

  @Test
  void aCaseIsInsertedWithTheNumberMadeFromItsId() {
    NumberedRow row = insert("first");

    assertThat(row).isEqualTo(new NumberedRow(41, "SI-2026-000041"));
    assertThat(stored(41)).isEqualTo("SI-2026-000041 first");
  }

  @Test
  void theDatabaseAndJavaMakeTheSameNumberPastTheDigitsGiven() {
    jdbc.sql("ALTER SEQUENCE register_number RESTART WITH 999999").update();

    NumberedRow last = insert("last of six");
    NumberedRow next = insert("seven");

    assertThat(last.number()).isEqualTo("SI-2026-999999").isEqualTo(NUMBERING.of(999_999));
    assertThat(next.number()).isEqualTo("SI-2026-1000000").isEqualTo(NUMBERING.of(1_000_000));
    assertThat(stored(1_000_000)).isEqualTo("SI-2026-1000000 seven");
  }

  @Test
  void aRowInsertedWithoutTheKitTakesTheNextIdOfTheSameSequence() {
    insert("numbered");
    jdbc.sql("INSERT INTO register (note) VALUES ('plain')").update();

    assertThat(insert("numbered again").id()).isEqualTo(43);
  }

  private NumberedRow insert(String note) {
    return CaseRegisterQueries.insertNumbered(
        jdbc, NUMBERING, "note", ":note", Map.of("note", note));
  }

  private String stored(long id) {
    return jdbc.sql("SELECT number || ' ' || note FROM register WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }
}
