package uk.gov.council.commissioning.meetings;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Drafts a year's contract management meetings from the contracts' priority levels (seed 001 Part
 * 3.1 §1). A level with n meetings a year meets every 12/n months; the contracts of one level are
 * spread over the months of that interval in reference order, so a purchasing officer's yearly
 * meetings do not all fall in January. Each meeting is on the first working day from the 15th of
 * its month. A contract that already has meetings planned in the year keeps them; a date outside
 * the contract's term, or before {@code today}, is left out.
 */
final class ScheduleDraft {

  /** The day of the month a drafted meeting is on, or the first working day after it. */
  static final int MEETING_DAY = 15;

  /** A contract as the draft needs it. */
  record ContractToMeet(
      long contractId,
      String reference,
      LocalDate startDate,
      LocalDate endDate,
      String priority,
      List<LocalDate> alreadyPlanned) {}

  /** One proposed meeting. */
  record DraftMeeting(long contractId, String reference, LocalDate date, String priority) {}

  private ScheduleDraft() {}

  static List<DraftMeeting> draft(
      Year year,
      LocalDate today,
      List<ContractToMeet> contracts,
      MeetingsProperties levels,
      Predicate<LocalDate> isWorkingDay) {
    List<DraftMeeting> drafted = new ArrayList<>();
    Map<String, Integer> seenAtLevel = new HashMap<>();
    List<ContractToMeet> ordered =
        contracts.stream().sorted(Comparator.comparing(ContractToMeet::reference)).toList();
    for (ContractToMeet contract : ordered) {
      List<LocalDate> planned =
          contract.alreadyPlanned().stream().filter(d -> d.getYear() == year.getValue()).toList();
      if (!planned.isEmpty()) {
        planned.stream()
            .sorted()
            .forEach(
                d ->
                    drafted.add(
                        new DraftMeeting(
                            contract.contractId(), contract.reference(), d, contract.priority())));
        continue;
      }
      int perYear = levels.meetingsAYear(contract.priority());
      int interval = 12 / perYear;
      int index = seenAtLevel.merge(contract.priority(), 1, Integer::sum) - 1;
      int firstMonth = 1 + index % interval;
      for (int i = 0; i < perYear; i++) {
        LocalDate date =
            workingDayFrom(
                year.atMonth(firstMonth + i * interval).atDay(MEETING_DAY), isWorkingDay);
        if (!date.isBefore(today)
            && !date.isBefore(contract.startDate())
            && !date.isAfter(contract.endDate())) {
          drafted.add(
              new DraftMeeting(
                  contract.contractId(), contract.reference(), date, contract.priority()));
        }
      }
    }
    return drafted;
  }

  /** The day, or the first working day after it. */
  static LocalDate workingDayFrom(LocalDate day, Predicate<LocalDate> isWorkingDay) {
    LocalDate date = day;
    while (!isWorkingDay.test(date)) {
      date = date.plusDays(1);
    }
    return date;
  }
}
