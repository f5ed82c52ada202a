package uk.gov.council.commissioning.contracts;

public enum ContractStatus {
  /** Awarded and signed but not yet commenced: in the register, not yet live. */
  SIGNED,
  ACTIVE,
  EXPIRED,
  TERMINATED
}
