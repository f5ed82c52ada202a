package uk.gov.council.commissioning.contracts;

public class ContractNotFoundException extends RuntimeException {

  private final String reference;

  public ContractNotFoundException(String reference) {
    super("No contract with reference '" + reference + "' in the contract register");
    this.reference = reference;
  }

  public String getReference() {
    return reference;
  }
}
