package uk.gov.council.commissioning.bench;

import java.time.OffsetDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Stands in for every bean call of the application's models. */
@Component("noop")
public class Noop {

  /** Far enough ahead that no timer or due date of the bare models comes due during a bench. */
  private static final Date LATER =
      Date.from(OffsetDateTime.parse("2999-01-01T00:00Z").toInstant());

  public void run() {}

  public Date later() {
    return LATER;
  }

  /** Candidate groups the models compute from the case (the provider's group). */
  public String group() {
    return "providers";
  }
}
