package uk.gov.council.commissioning.kpis;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.kpis.CatalogueDraft.KpiDraft;
import uk.gov.council.commissioning.kpis.CatalogueRules.Checked;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * Loads the catalogue files at start-up ({@code commissioning.kpis.catalogue-files}: the four seed
 * catalogues and any of the council's own) for the current reporting year and the previous one. A
 * catalogue is written as version 1 of a year only when the year has no version of it, so a
 * restart, or a second node starting at the same moment, writes nothing more and never undoes an
 * officer's later version. A file that names its year is loaded for that year only.
 */
@Component
@RequiredArgsConstructor
class CatalogueFiles implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CatalogueFiles.class);

  /** Who wrote a catalogue that came from a file. */
  static final String LOADER = "catalogue-file";

  static final String SP_PI = "SP-PI-3.2";

  private final KpiCatalogueRegister register;
  private final KpisProperties properties;
  private final ObjectMapper json;
  private final PlatformTransactionManager transactionManager;
  private final Clock clock;

  @Override
  public void run(ApplicationArguments args) {
    loadForNow();
  }

  /**
   * Each day as well, so that a new reporting year gets its catalogues on 1 April without a
   * restart; "-" in {@code commissioning.kpis.load-cron} never.
   */
  @Scheduled(cron = "${commissioning.kpis.load-cron:0 10 6 * * *}", zone = "Europe/London")
  public void loadForNow() {
    ReportingYear current =
        ReportingYear.containing(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK));
    int written = load(List.of(current.previous(), current));
    if (written > 0) {
      log.info(
          "KPI catalogues: {} written from files for {} and {}",
          written,
          current.previous(),
          current);
    }
  }

  /**
   * Writes each file's catalogue for each year that has none yet. A file that cannot be read or
   * holds a catalogue the rules refuse is logged with its problems and left out, so that one
   * council file with a mistake does not keep the others, or the application, from starting.
   *
   * @return how many catalogue versions were written
   */
  int load(List<ReportingYear> years) {
    int written = 0;
    for (File file : files()) {
      CatalogueDraft draft = file.draft();
      try {
        List<ReportingYear> forYears =
            draft.year() == null || draft.year().isBlank()
                ? years
                : List.of(
                    CatalogueRules.year(draft.year())
                        .orElseThrow(
                            () ->
                                new InvalidRequestException("year", CatalogueRules.YEAR_PROBLEM)));
        for (ReportingYear year : forYears) {
          Checked checked = CatalogueRules.check(withTriggers(draft.withYear(year)));
          Boolean wrote =
              new TransactionTemplate(transactionManager)
                  .execute(status -> register.insertFirstOnce(checked, LOADER, clock.instant()));
          if (Boolean.TRUE.equals(wrote)) {
            written++;
          }
        }
      } catch (InvalidRequestException refused) {
        log.error("KPI catalogue file {} not loaded: {}", file.name(), refused.getMessage());
      }
    }
    return written;
  }

  /** A catalogue file and what it holds. */
  record File(String name, CatalogueDraft draft) {}

  /** The catalogue files that can be read, in the order of the configured locations. */
  List<File> files() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<File> files = new ArrayList<>();
    for (String location : properties.catalogueFiles()) {
      Resource[] found;
      try {
        found = resolver.getResources(location);
      } catch (IOException e) {
        log.error("KPI catalogue files {} cannot be found: {}", location, e.getMessage());
        continue;
      }
      for (Resource resource : found) {
        String name = resource.getDescription();
        try (InputStream in = resource.getInputStream()) {
          files.add(new File(name, json.readValue(in, CatalogueDraft.class)));
        } catch (IOException e) {
          log.error("KPI catalogue file {} cannot be read: {}", name, e.getMessage());
        }
      }
    }
    return files;
  }

  /**
   * Seed 001 Part 3.2 §3.1.1: the council's triggers for the year, where the file leaves a KPI's
   * threshold open.
   */
  private CatalogueDraft withTriggers(CatalogueDraft draft) {
    Map<String, String> triggers = properties.spPiTriggers();
    if (!SP_PI.equals(draft.code()) || triggers.isEmpty() || draft.kpis() == null) {
      return draft;
    }
    List<KpiDraft> kpis =
        draft.kpis().stream()
            .map(
                k ->
                    k.threshold() == null && triggers.containsKey(k.code())
                        ? new KpiDraft(
                            k.code(),
                            k.area(),
                            k.wording(),
                            k.unit(),
                            triggers.get(k.code()),
                            k.target(),
                            k.frequency(),
                            k.consequence(),
                            k.reportedBy(),
                            k.measure(),
                            k.seedSection())
                        : k)
            .toList();
    return new CatalogueDraft(draft.code(), draft.title(), draft.year(), draft.seedSection(), kpis);
  }
}
