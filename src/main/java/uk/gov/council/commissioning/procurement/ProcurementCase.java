package uk.gov.council.commissioning.procurement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.gov.council.commissioning.deadlines.CaseRef;

/** A procurement as a case of the kit: its case type and the kinds of its deadlines. */
final class ProcurementCase {

  static final String CASE_TYPE = "PROCUREMENT";

  /** Standstill's last day has ended: the contract may be entered into. */
  static final String STANDSTILL_END = "STANDSTILL_END";

  /** The planned commencement date begins: the contract goes live. */
  static final String COMMENCEMENT = "COMMENCEMENT";

  /** The earliest deadline of the notices due after the contract is signed. */
  static final String CONTRACT_NOTICE = "CONTRACT_NOTICE";

  static final String COMMENCEMENT_SECTION = "000 §6.5";
  static final String CONTRACT_NOTICE_SECTION = "000 §10.6 ii";

  private ProcurementCase() {}

  static CaseRef of(DelegateExecution execution) {
    return CaseRef.of(CASE_TYPE, execution);
  }

  /** Standstill is the regime's (regimes.json), within the PCR obligations of seed 000 §10.6. */
  static String standstillSection(String regime) {
    return "000 §10.6; regime " + regime;
  }
}
