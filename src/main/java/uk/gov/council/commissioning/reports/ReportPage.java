package uk.gov.council.commissioning.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import uk.gov.council.commissioning.security.CaseAccess;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.EndpointAccess;
import uk.gov.council.commissioning.security.Roles;

/**
 * What every server-rendered page beside the reports needs, whichever capability serves it: the
 * header's facts (who is signed in, the links they may follow) on the layout in {@code
 * templates/reports}, the security headers, and a refusal shown as a page.
 */
@Component
@RequiredArgsConstructor
public class ReportPage {

  /**
   * The pages need no script and load nothing from elsewhere, so the browser is told to allow
   * neither: a value that slipped past escaping could not run.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self';"
          + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private final CaseAccess caseAccess;
  private final EndpointAccess access;

  /**
   * The header's facts and the security headers, for a page on the reports layout. A page's link is
   * offered to those its own access rule lets in.
   */
  public void prepare(Authentication user, Model model, HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    model.addAttribute("userName", user == null ? null : user.getName());
    model.addAttribute("mayUseCockpit", caseAccess.mayUseCockpit(user));
    model.addAttribute("mayReadMail", CouncilUser.isInAny(user, List.of(Roles.ADMIN)));
    model.addAttribute("mayReadMeetingPlans", access.staffOrProvider(user).isGranted());
    model.addAttribute("mayReadMeetingFeedback", access.readsMeetingFeedback(user).isGranted());
    model.addAttribute("mayReadContractsUpdate", access.councilStaff(user).isGranted());
    model.addAttribute("mayReadPerformanceReturns", access.councilStaff(user).isGranted());
    model.addAttribute("mayReadOptionsAppraisals", access.councilStaff(user).isGranted());
    // A provider reads only the catalogues of its own contracts, through the API.
    model.addAttribute("mayReadKpiCatalogues", access.councilStaff(user).isGranted());
    model.addAttribute("fmt", PageFormat.INSTANCE);
  }

  /** A refusal as a page like the others (403), not the API's problem response. */
  public String refused(
      Authentication user, Model model, HttpServletResponse response, String title, String reason) {
    prepare(user, model, response);
    response.setStatus(HttpStatus.FORBIDDEN.value());
    model.addAttribute("refusedTitle", title);
    model.addAttribute("refusedReason", reason);
    return "reports/refused";
  }
}
