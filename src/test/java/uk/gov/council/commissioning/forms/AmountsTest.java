package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "£2,100,000; 2100000",
        "850,000; 850000",
        "2100000.50; 2100000.50",
        "£ 90 000; 90000",
        "1,234,567.89; 1234567.89",
        "-£5; -5"
      })
  void amountsAsOfficersWriteThem(String text, String expected) {
    assertThat(Amounts.parse(text))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(expected)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"850,00", "12,5", "1,00,000", "two million", "£", "", "1.2.3", "£1,000,"})
  void anythingElseIsNotAnAmount(String text) {
    assertThat(Amounts.parse(text)).isEmpty();
  }
}
