package uk.gov.council.commissioning.procurement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.gov.council.commissioning.deadlines.CaseRef;

/**
 * The deadlines of a procurement as a case of the kit, each with the seed section it comes from.
 * STANDSTILL_END: standstill's last day has ended and the contract may be entered into;
 * COMMENCEMENT: the planned commencement date begins and the contract goes live; CONTRACT_NOTICE:
 * the earliest deadline of the notices due after the contract is signed.
 */
enum ProcurementCase {
  // Standstill is the regime's (regimes.json), within the PCR obligations of seed 000 §10.6.
  STANDSTILL_END("000 §10.6; regime "),
  COMMENCEMENT("000 §6.5"),
  CONTRACT_NOTICE("000 §10.6 ii");

  static final String CASE_TYPE = "PROCUREMENT";

  private final String seedSection;

  ProcurementCase(String seedSection) {
    this.seedSection = seedSection;
  }

  String seedSection() {
    return seedSection;
  }

  static CaseRef of(DelegateExecution execution) {
    return CaseRef.of(CASE_TYPE, execution);
  }
}
