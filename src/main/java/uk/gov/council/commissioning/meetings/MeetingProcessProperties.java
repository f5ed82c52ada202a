package uk.gov.council.commissioning.meetings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * One contract management meeting's case, {@code commissioning.meetings.process} (seed 001 Part 3.1
 * §3-§4).
 *
 * @param preparationWeeks the purchasing officer's set-up task opens this many weeks before the
 *     meeting (the case itself starts when the schedule is approved)
 * @param letterWeeks §3.1: the provider is written to "preferably 4 weeks before" the meeting; a
 *     reminder goes when the letter has not gone by then
 * @param agendaDays §3.5: the agenda is circulated "at least one day before"; an escalation goes
 *     when it has not been circulated by the end of the day this many days before the meeting
 * @param providerItemsWorkingDays the provider adds its agenda items until the end of the day this
 *     many working days before the meeting; after that the agenda goes on without them
 * @param taskWorkingDays due date of the council's other tasks in the case
 * @param redPriority the priority level that is "RED" (§4): formal monitoring, more meetings,
 *     unannounced audits, the default notice decision
 */
@Validated
@ConfigurationProperties("commissioning.meetings.process")
public record MeetingProcessProperties(
    @Positive(message = "commissioning.meetings.process.preparation-weeks must be at least 1")
        @DefaultValue("8")
        int preparationWeeks,
    @Positive(message = "commissioning.meetings.process.letter-weeks must be at least 1")
        @DefaultValue("4")
        int letterWeeks,
    @PositiveOrZero(message = "commissioning.meetings.process.agenda-days must not be negative")
        @DefaultValue("1")
        int agendaDays,
    @Positive(
            message =
                "commissioning.meetings.process.provider-items-working-days must be at least 1")
        @DefaultValue("3")
        int providerItemsWorkingDays,
    @Positive(message = "commissioning.meetings.process.task-working-days must be at least 1")
        @DefaultValue("5")
        int taskWorkingDays,
    @NotBlank(message = "commissioning.meetings.process.red-priority is required")
        @DefaultValue("RED")
        String redPriority) {

  public MeetingProcessProperties {
    if (preparationWeeks < letterWeeks) {
      throw new IllegalArgumentException(
          "commissioning.meetings.process.preparation-weeks ("
              + preparationWeeks
              + ") must be at least letter-weeks ("
              + letterWeeks
              + "): the set-up task opens before the letter is due");
    }
  }
}
