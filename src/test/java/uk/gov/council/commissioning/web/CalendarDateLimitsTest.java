package uk.gov.council.commissioning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** Dates a request body may carry: four-digit years only, named as the field's problem. */
class CalendarDateLimitsTest {

  record Dates(LocalDate day, LocalDateTime local, Instant at, OffsetDateTime offset) {}

  private final ObjectMapper json = mapper();

  private static ObjectMapper mapper() {
    Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
    new CalendarDateLimits().fourDigitYears().customize(builder);
    return builder.build();
  }

  @Test
  void datesWithFourDigitYearsAreRead() throws Exception {
    Dates dates =
        json.readValue(
            "{\"day\":\"9999-12-31\",\"local\":\"0001-01-01T00:00:00\","
                + "\"at\":\"2027-03-15T10:00:00Z\",\"offset\":\"2027-03-15T10:00:00+01:00\"}",
            Dates.class);
    assertThat(dates.day()).isEqualTo(LocalDate.of(9999, 12, 31));
    assertThat(dates.at()).isEqualTo(Instant.parse("2027-03-15T10:00:00Z"));
  }

  @Test
  void aYearPastTheCalendarIsRefusedAsTheFieldsValue() {
    // A QAF meeting on this date once ended in a 500: its deadlines overflowed a long.
    assertThatThrownBy(() -> json.readValue("{\"day\":\"+999999999-12-31\"}", Dates.class))
        .isInstanceOfSatisfying(
            InvalidFormatException.class,
            e -> {
              assertThat(e.getPath().get(0).getFieldName()).isEqualTo("day");
              assertThat(e.getValue()).isEqualTo("+999999999-12-31");
            });
    assertThatThrownBy(() -> json.readValue("{\"day\":\"0000-01-01\"}", Dates.class))
        .isInstanceOf(InvalidFormatException.class);
    assertThatThrownBy(() -> json.readValue("{\"at\":\"+10000-01-01T00:00:00Z\"}", Dates.class))
        .isInstanceOf(InvalidFormatException.class);
    assertThatThrownBy(() -> json.readValue("{\"local\":\"-0001-01-01T00:00:00\"}", Dates.class))
        .isInstanceOf(InvalidFormatException.class);
  }
}
