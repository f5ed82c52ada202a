package uk.gov.council.commissioning.procurement;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The procurement regimes the council works under, read once from the regime data. An entry that
 * does not hang together stops the application at start-up, naming the entry and the field, so a
 * wrong edit is never found halfway through a procurement.
 */
@Service
class ProcurementRegimes {

  private final List<ProcurementRegime> regimes;

  @Autowired
  public ProcurementRegimes(ProcurementProperties properties) {
    this(read(properties.regimes()), properties.regimes());
  }

  ProcurementRegimes(List<ProcurementRegime> regimes, String location) {
    List<String> inconsistencies = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    if (regimes == null || regimes.isEmpty()) {
      inconsistencies.add("no regimes are listed");
    } else {
      for (ProcurementRegime regime : regimes) {
        if (regime == null) {
          inconsistencies.add("a regime entry is empty");
          continue;
        }
        if (ProcurementRegime.blank(regime.id())) {
          inconsistencies.add("a regime has no id");
        } else if (!ids.add(regime.id())) {
          inconsistencies.add("regime " + regime.id() + " is listed twice");
        }
        inconsistencies.addAll(regime.inconsistencies());
      }
    }
    if (!inconsistencies.isEmpty()) {
      throw new IllegalStateException(
          "The procurement regime data "
              + location
              + " is inconsistent:\n - "
              + String.join("\n - ", inconsistencies));
    }
    this.regimes = List.copyOf(regimes);
  }

  private record RegimeFile(List<ProcurementRegime> regimes) {}

  private static List<ProcurementRegime> read(String location) {
    Resource resource = new DefaultResourceLoader().getResource(location);
    try (InputStream in = resource.getInputStream()) {
      // A misspelt field would otherwise be dropped silently and the rule lost.
      ObjectMapper json =
          new ObjectMapper()
              .findAndRegisterModules()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
      return json.readValue(in, RegimeFile.class).regimes();
    } catch (IOException e) {
      throw new IllegalStateException(
          "The procurement regime data " + location + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Why {@code id} cannot be the regime of a procurement begun on {@code day} (unknown, or the law
   * does not govern procurements begun then); empty when it can.
   */
  public Optional<String> problemFor(String id, LocalDate day) {
    Optional<ProcurementRegime> regime = find(id);
    if (regime.isEmpty()) {
      return Optional.of("must be one of " + String.join(", ", ids()));
    }
    return regime.get().notApplicableOn(day);
  }

  public Optional<ProcurementRegime> find(String id) {
    return regimes.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public List<ProcurementRegime> all() {
    return regimes;
  }

  /** The regime with this id, or a 400 naming the field and the regimes there are. */
  public ProcurementRegime require(String id) {
    if (ProcurementRegime.blank(id)) {
      throw new InvalidRequestException("regime", "is required: one of " + ids());
    }
    return find(id)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "regime", "'" + id + "' is not a known regime: one of " + ids()));
  }

  public List<String> ids() {
    return regimes.stream().map(ProcurementRegime::id).toList();
  }
}
