package uk.gov.council.commissioning.contracts;

public enum ContractStatus {
  ACTIVE,
  EXPIRED,
  TERMINATED
}
