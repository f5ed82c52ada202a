package uk.gov.council.commissioning.contracts;

import java.util.List;
import org.springframework.security.core.Authentication;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.Roles;

/** Who may see and add which contracts. */
final class ContractAccess {

  private static final List<String> MAY_CREATE =
      List.of(Roles.CONTRACTS_MANAGERS, Roles.COMMISSIONING_OFFICERS, Roles.ADMIN);

  private ContractAccess() {}

  static boolean canSee(Authentication auth, Contract contract) {
    return CouncilUser.maySeeOrganisation(auth, contract.provider().organisationGroup());
  }

  static boolean mayCreate(Authentication auth) {
    return CouncilUser.isInAny(auth, MAY_CREATE);
  }
}
