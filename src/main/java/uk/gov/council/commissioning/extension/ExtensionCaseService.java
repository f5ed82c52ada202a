package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.extension.ExtensionVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.cases.CaseStarts.StartCheck;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;

/** Starts extension cases, on request or for contracts approaching their end date. */
@Service
@RequiredArgsConstructor
public class ExtensionCaseService {

  private static final Logger log = LoggerFactory.getLogger(ExtensionCaseService.class);

  private final CaseStarts cases;
  private final ContractService contracts;
  private final ExtensionProperties properties;

  /**
   * Starts a case for the contract as the given user (recorded as the case's initiator), or throws
   * {@link ExtensionRefusedException} saying why not; nothing is created then.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public ProcessInstance start(String contractReference, String userId, List<String> groups) {
    String reference =
        contractReference == null ? "" : contractReference.trim().toUpperCase(Locale.ROOT);
    // The process checks the option itself (Task_CheckOption) and refuses with
    // ExtensionRefusedException, which the caller answers as it is.
    return cases.start(
        PROCESS_KEY,
        reference,
        Map.of(CONTRACT_REFERENCE, reference),
        userId,
        groups,
        StartCheck.NONE);
  }

  /**
   * Starts a case for every active contract whose end date falls between today and the lead time
   * ahead and that still has an unused option. Contracts that already have a case are skipped.
   */
  public List<String> startDueCases(LocalDate today) {
    List<String> started = new ArrayList<>();
    for (Contract contract :
        contracts.findEndingBetweenWithUnusedOption(today, today.plus(properties.leadTime()))) {
      if (hasRunningCase(contract.reference())) {
        continue;
      }
      try {
        startAsSystem(contract.reference());
        started.add(contract.reference());
        log.info(
            "Started an extension case for {} (ends {})", contract.reference(), contract.endDate());
      } catch (ExtensionRefusedException e) {
        log.info("No extension case for {}: {}", contract.reference(), e.getMessage());
      }
    }
    return started;
  }

  /**
   * Starts the extension a decision report resolved on (an options appraisal, seed 003), in the
   * caller's transaction so that the resolution and the start commit together. A contract that
   * already has a running extension case keeps it.
   *
   * @return the extension case's business key (the contract reference)
   */
  public String startAfterDecision(String contractReference) {
    if (!hasRunningCase(contractReference)) {
      cases.startAsSystem(
          PROCESS_KEY, contractReference, Map.of(CONTRACT_REFERENCE, contractReference));
    }
    return contractReference;
  }

  public boolean hasRunningCase(String contractReference) {
    return cases.isOpen(PROCESS_KEY, contractReference);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public ProcessInstance startAsSystem(String contractReference) {
    return cases.startAsSystem(
        PROCESS_KEY, contractReference, Map.of(CONTRACT_REFERENCE, contractReference));
  }
}
