package uk.gov.council.commissioning.procurement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One body of procurement law, as held in the regime data (procurement/regimes.json): which tender
 * periods, standstill and notices it asks for, each rule with its legal source.
 *
 * @param id short id an officer picks in the timetable, e.g. PA2023
 * @param name the regime's name in messages
 * @param legalSource the legislation and the procurements it governs
 * @param lightTouch whether this is a light touch regime (most adult social care)
 * @param workingDays which days the regime counts as working days
 * @param procedures the procedures the regime allows, with their minimum tender periods
 * @param standstill the wait between the award notice and the contract
 * @param notices the notices the regime requires, with their deadlines
 * @param contractDetailsNotice code of the notice that publishes the signed contract
 * @param begunOnOrAfter the regime governs procurements begun on or after this day (null: no limit)
 * @param begunBefore the regime governs procurements begun before this day (null: no limit)
 * @param assessmentSummaries which law the bidders' assessment summaries are written to (null: the
 *     Procurement Act 2023)
 */
record ProcurementRegime(
    String id,
    String name,
    String legalSource,
    boolean lightTouch,
    WorkingDays workingDays,
    List<TenderingProcedure> procedures,
    StandstillRule standstill,
    List<NoticeRule> notices,
    String contractDetailsNotice,
    LocalDate begunOnOrAfter,
    LocalDate begunBefore,
    AssessmentSummaries.Regime assessmentSummaries) {

  /**
   * Whether a rule is the law or the council's own choice where the law is silent or unconfirmed.
   */
  public enum RuleBasis {
    LAW,
    COUNCIL_DEFAULT
  }

  /**
   * UK_WIDE: a bank holiday in any part of the UK is not a working day. COUNCIL_CALENDAR: the
   * council's own calendar (its nation's bank holidays and closure days).
   */
  public enum WorkingDayDefinition {
    UK_WIDE,
    COUNCIL_CALENDAR
  }

  public record WorkingDays(WorkingDayDefinition definition, RuleBasis basis, String source) {}

  public ProcurementRegime {
    procedures = procedures == null ? List.of() : List.copyOf(procedures);
    notices = notices == null ? List.of() : List.copyOf(notices);
  }

  public Optional<TenderingProcedure> procedure(String procedureId) {
    return procedures.stream().filter(p -> p.id().equals(procedureId)).findFirst();
  }

  /**
   * The law the assessment summaries follow (the Procurement Act 2023 unless the data says
   * otherwise).
   */
  public AssessmentSummaries.Regime summariesLaw() {
    return assessmentSummaries == null
        ? AssessmentSummaries.Regime.PROCUREMENT_ACT_2023
        : assessmentSummaries;
  }

  /** Why this regime cannot govern a procurement begun on {@code day}; empty when it can. */
  public Optional<String> notApplicableOn(LocalDate day) {
    if (begunOnOrAfter != null && day.isBefore(begunOnOrAfter)) {
      return Optional.of(name + " governs procurements begun on or after " + begunOnOrAfter);
    }
    if (begunBefore != null && !day.isBefore(begunBefore)) {
      return Optional.of(
          name
              + " governs only procurements begun before "
              + begunBefore
              + " ("
              + legalSource
              + ")");
    }
    return Optional.empty();
  }

  public List<String> procedureIds() {
    return procedures.stream().map(TenderingProcedure::id).toList();
  }

  public Optional<NoticeRule> notice(String code) {
    return notices.stream().filter(n -> n.code().equals(code)).findFirst();
  }

  /** What is inconsistent in this entry, each line naming the field; empty when it can be used. */
  List<String> inconsistencies() {
    List<String> found = new ArrayList<>();
    String where = "regime " + (blank(id) ? "(no id)" : id);
    requireText(found, where, "name", name);
    requireText(found, where, "legalSource", legalSource);
    if (workingDays == null || workingDays.definition() == null || workingDays.basis() == null) {
      found.add(where + ": workingDays needs a definition and a basis");
    } else {
      requireText(found, where, "workingDays.source", workingDays.source());
    }
    if (procedures.isEmpty()) {
      found.add(where + ": procedures must list at least one procedure");
    }
    checkEntries(
        found,
        where,
        "procedure",
        procedures,
        TenderingProcedure::id,
        p -> p.inconsistencies(where));
    if (standstill == null) {
      found.add(where + ": standstill is missing");
    } else {
      found.addAll(standstill.inconsistencies(where));
    }
    checkEntries(found, where, "notice", notices, NoticeRule::code, n -> n.inconsistencies(where));
    Optional<NoticeRule> details =
        blank(contractDetailsNotice) ? Optional.empty() : notice(contractDetailsNotice);
    if (details.isEmpty() || details.get().anchor() != NoticeRule.Anchor.CONTRACT_SIGNATURE) {
      found.add(
          where
              + ": contractDetailsNotice must name one of its notices that is due after the contract is"
              + " signed (anchor CONTRACT_SIGNATURE)");
    }
    if (notices.stream().filter(n -> n != null && n.startsStandstill()).count() != 1) {
      found.add(where + ": exactly one notice must have startsStandstill: true");
    }
    return found;
  }

  /** Each entry of a list is present, named once only, and consistent in itself. */
  private static <T> void checkEntries(
      List<String> found,
      String where,
      String kind,
      List<T> entries,
      Function<T, String> key,
      Function<T, List<String>> inconsistencies) {
    Set<String> keys = new HashSet<>();
    for (T entry : entries) {
      if (entry != null && !keys.add(key.apply(entry))) {
        found.add(where + ": " + kind + " " + key.apply(entry) + " is listed twice");
      }
      found.addAll(
          entry == null
              ? List.of(where + ": a " + kind + " entry is empty")
              : inconsistencies.apply(entry));
    }
  }

  static void requireText(List<String> found, String where, String field, String value) {
    if (blank(value)) {
      found.add(where + ": " + field + " is required");
    }
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
