package uk.gov.council.commissioning.contracts;

import java.util.HashMap;
import java.util.Map;

/**
 * The process variables that name a case's contract and its provider. Every process about a
 * contract sets them when its case opens, under these names (each process's variables class names
 * them too), for its forms, candidate groups and emails to read.
 */
public final class ContractCaseVariables {

  private static final String CONTRACT_REFERENCE = "contractReference";
  private static final String CONTRACT_TITLE = "contractTitle";
  private static final String PROVIDER_NAME = "providerName";
  private static final String PROVIDER_GROUP = "providerGroup";

  private ContractCaseVariables() {}

  /** The contract's reference and title, its provider's name and organisation group. */
  public static Map<String, Object> of(Contract contract) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CONTRACT_REFERENCE, contract.reference());
    variables.put(CONTRACT_TITLE, contract.title());
    variables.put(PROVIDER_NAME, contract.provider().name());
    variables.put(PROVIDER_GROUP, contract.provider().organisationGroup());
    return variables;
  }
}
