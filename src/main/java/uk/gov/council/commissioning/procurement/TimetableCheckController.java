package uk.gov.council.commissioning.procurement;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.Roles;

/** Checks a planned procurement timetable on request; nothing is stored. */
@RestController
@RequestMapping("/api/procurement/timetable-checks")
public class TimetableCheckController {

  private static final List<String> MAY_CHECK =
      List.of(Roles.PROCUREMENT, Roles.COMMISSIONING_OFFICERS, Roles.CONTRACTS_MANAGERS, Roles.ADMIN);

  private final TimetableChecker checker;

  public TimetableCheckController(TimetableChecker checker) {
    this.checker = checker;
  }

  @PostMapping
  public TimetableCheck check(@RequestBody TimetablePlan plan, Authentication auth) {
    // A procurement timetable is the council's own planning, not yet public: no provider sees it.
    if (CouncilUser.isProvider(auth) || !CouncilUser.isInAny(auth, MAY_CHECK)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Only procurement, commissioning officers, contracts managers and administrators may check timetables");
    }
    return checker.check(plan);
  }
}
