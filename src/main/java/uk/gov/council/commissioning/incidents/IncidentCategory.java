package uk.gov.council.commissioning.incidents;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of serious incident a provider must report, seed 002 §12.3. */
enum IncidentCategory {
  SERIOUS_CRIME_OR_VIOLENCE(
      "Serious crime or violence to service users, staff or members of the public"),
  SERIOUS_THREAT("Serious threats to service users, staff or members of the public"),
  UNEXPECTED_DEATH_OR_SERIOUS_INJURY("Unexpected death or serious injury within the service"),
  EMERGENCY_HOSPITAL_ADMISSION("Emergency admission to hospital"),
  SAFEGUARDING_ALERT_RAISED(
      "An incident that leads to a safeguarding adults / children alert being raised"),
  SERVICE_DELIVERY_COMPROMISED(
      "Any other incident which compromises the provider's ability to deliver the service");

  static final Set<String> NAMES =
      Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private final String label;

  IncidentCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static Optional<IncidentCategory> of(String name) {
    return name != null && NAMES.contains(name) ? Optional.of(valueOf(name)) : Optional.empty();
  }
}
