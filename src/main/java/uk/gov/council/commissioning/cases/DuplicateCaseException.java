package uk.gov.council.commissioning.cases;

import java.util.List;
import uk.gov.council.commissioning.forms.TaskFormException;

/**
 * A start refused because the case it asks for already exists. {@link CaseStarts} passes it on as
 * it is, not as an {@link uk.gov.council.commissioning.web.InvalidRequestException}, so the caller
 * can answer "already exists" (409, naming the existing case) rather than "the request is wrong"
 * (400).
 */
public class DuplicateCaseException extends TaskFormException {

  private final String existing;

  /**
   * @param form what was being started, as the refusal's headline names it
   * @param problem the "field: reason" the duplicate rule gives
   * @param existing the reference of the case that already exists
   */
  public DuplicateCaseException(String form, String problem, String existing) {
    super(form, List.of(problem));
    this.existing = existing;
  }

  public String existing() {
    return existing;
  }
}
