package uk.gov.council.commissioning.procurement;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.Roles;

/**
 * Who may see procurements, their timetables and evaluations over HTTP. Bids and prices are
 * commercially confidential and a timetable is the council's own planning until published: no
 * provider sees any of it, and only the staff who run or oversee procurements do.
 */
final class ProcurementAccess {

  static final List<String> STAFF =
      List.of(
          Roles.PROCUREMENT,
          Roles.PROCUREMENT_LEADS,
          Roles.COMMISSIONING_OFFICERS,
          Roles.CONTRACTS_MANAGERS,
          Roles.ADMIN);

  static void require(Authentication auth, String what) {
    if (CouncilUser.isProvider(auth) || !CouncilUser.isInAny(auth, STAFF)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "Only procurement staff, commissioning officers,"
              + " contracts managers and administrators may "
              + what);
    }
  }

  private ProcurementAccess() {}
}
