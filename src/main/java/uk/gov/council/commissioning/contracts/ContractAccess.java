package uk.gov.council.commissioning.contracts;

import org.springframework.security.core.Authentication;
import uk.gov.council.commissioning.security.CouncilUser;

/** Which contracts a user may see. */
final class ContractAccess {

  private ContractAccess() {}

  static boolean canSee(Authentication auth, Contract contract) {
    return CouncilUser.maySeeOrganisation(auth, contract.provider().organisationGroup());
  }
}
