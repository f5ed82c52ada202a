package uk.gov.council.commissioning.qaf;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Registers a proposed supplementary QAF in the starting transaction; a refused proposal reaches
 * the caller as the form refusal it is, and nothing is created.
 */
@Component("registerQafSupplementary")
@RequiredArgsConstructor
public class RegisterQafSupplementary implements JavaDelegate {

  private final QafSupplementaries supplementaries;

  @Override
  public void execute(DelegateExecution execution) {
    supplementaries.register(execution);
  }
}
