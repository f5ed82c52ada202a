package uk.gov.council.commissioning.extension;

/** An extension case cannot be started for this contract; the message says why and what to do. */
public class ExtensionRefusedException extends RuntimeException {
  public ExtensionRefusedException(String message) {
    super(message);
  }
}
