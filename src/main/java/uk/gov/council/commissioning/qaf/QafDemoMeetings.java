package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.contracts.ContractService;

/**
 * Demo only: the home care contract's next contract management meeting, just under three months
 * ahead, so the automatic start issues its QAF when the demo starts. Runs once the demo contracts
 * exist and before the automatic start.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
class QafDemoMeetings {

  static final String DEMO_CONTRACT = "HC-2022-03";

  private final ContractService contracts;
  private final QafRepository repository;

  private final Clock clock;

  @EventListener(ApplicationReadyEvent.class)
  @Order(5)
  public void schedule() {
    contracts
        .findByReference(DEMO_CONTRACT)
        .ifPresent(
            c -> {
              if (repository.meetings(c.id()).stream()
                  .noneMatch(
                      d ->
                          d.isAfter(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK)))) {
                repository.scheduleMeeting(
                    c.id(),
                    LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK)
                        .plusMonths(3)
                        .minusDays(1));
              }
            });
  }
}
