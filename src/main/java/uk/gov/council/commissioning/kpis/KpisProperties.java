package uk.gov.council.commissioning.kpis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * KPI catalogues, {@code commissioning.kpis}.
 *
 * @param catalogueFiles where the catalogue files loaded at start-up are (Spring resource
 *     patterns): the four seed catalogues, and any file of the council's own, e.g. {@code
 *     file:/etc/commissioning/kpis/*.json}. A file's catalogue is written for a reporting year only
 *     when that year has no version of it yet.
 * @param spPiTriggers seed 001 Part 3.2 §3.1.1: "The Supporting People team each year will agree
 *     and set minimum performance triggers" for KPI 1, KPI 2 and SPI 1-4. The seed gives no value,
 *     so these are the council's assumption, used when a year's SP-PI-3.2 catalogue is first
 *     written; a year's own triggers are set by a new version of that year's catalogue.
 */
@ConfigurationProperties("commissioning.kpis")
record KpisProperties(List<String> catalogueFiles, Map<String, String> spPiTriggers) {

  static final String SEED_FILES = "classpath:kpis/*.json";

  KpisProperties {
    catalogueFiles =
        catalogueFiles == null || catalogueFiles.isEmpty()
            ? List.of(SEED_FILES)
            : List.copyOf(catalogueFiles);
    spPiTriggers = spPiTriggers == null ? Map.of() : spPiTriggers;
    List<String> problems = new ArrayList<>();
    spPiTriggers.forEach(
        (code, threshold) -> {
          if (Threshold.parse(threshold).isEmpty()) {
            problems.add(
                "commissioning.kpis.sp-pi-triggers["
                    + code
                    + "] must be a threshold such as \"≥ 95\", not \""
                    + threshold
                    + "\"");
          }
        });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    spPiTriggers = Map.copyOf(spPiTriggers);
  }
}
