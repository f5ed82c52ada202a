package uk.gov.council.commissioning.procurement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completed a task, for the record: the signed-in user, else the assignee. */
final class ProcurementUsers {

  static String userOf(DelegateTask task) {
    Authentication signedIn =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return signedIn != null && signedIn.getUserId() != null
        ? signedIn.getUserId()
        : task.getAssignee();
  }

  private ProcurementUsers() {}
}
