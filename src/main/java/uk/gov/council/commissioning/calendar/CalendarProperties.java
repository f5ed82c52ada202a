package uk.gov.council.commissioning.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Whose bank holidays apply, and the council's own closure days.
 *
 * @param nation the nation whose bank holidays are non-working days
 * @param extraClosureDays days the council is closed that are not bank holidays
 */
@Validated
@ConfigurationProperties("commissioning.calendar")
public record CalendarProperties(
    @DefaultValue("england-and-wales") Nation nation,
    @DefaultValue List<LocalDate> extraClosureDays) {

  public CalendarProperties {
    nation = nation == null ? Nation.ENGLAND_AND_WALES : nation;
    extraClosureDays = extraClosureDays == null ? List.of() : List.copyOf(extraClosureDays);
  }
}
