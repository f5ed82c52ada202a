package uk.gov.council.commissioning.procurement;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checks a planned procurement timetable on request; nothing is stored. */
@RestController
@RequestMapping("/api/procurement/timetable-checks")
@RequiredArgsConstructor
class TimetableCheckController {

  private final TimetableChecker checker;

  @PostMapping
  @ProcurementStaff
  public TimetableCheck check(@RequestBody TimetablePlan plan) {
    return checker.check(plan);
  }
}
