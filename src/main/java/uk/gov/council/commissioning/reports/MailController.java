package uk.gov.council.commissioning.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.gov.council.commissioning.notify.CaughtMail;
import uk.gov.council.commissioning.notify.MailCatcher;
import uk.gov.council.commissioning.notify.OutboxDispatcher;
import uk.gov.council.commissioning.notify.TroubledMessage;
import uk.gov.council.commissioning.reports.ReportViews.MailView;

/**
 * The administrator's page about the application's email: the outbox's state everywhere, and in the
 * demo also every message the demo's mail catcher caught, with its text. Messages name people and
 * cases, so only {@code camunda-admin} may read it, and the page takes no parameters: nothing about
 * a message ever appears in a URL.
 */
@Controller
@RequestMapping("/admin/mail")
@RequiredArgsConstructor
class MailController {

  /** More would make a page too long to read; the demo rarely sends as many. */
  static final int SHOWN = 200;

  private final OutboxDispatcher outbox;
  private final ObjectProvider<MailCatcher> catcher;
  private final MailProperties mail;
  private final ReportPage reportPage;

  @GetMapping({"", "/"})
  @PreAuthorize("@access.administrators(authentication)")
  public String mail(Authentication user, Model model, HttpServletResponse response) {
    page(user, model, response);
    model.addAttribute("mayReadMail", true);
    model.addAttribute("outbox", outbox.state());
    model.addAttribute("troubled", TroubledView.of(outbox.troubled(SHOWN)));
    model.addAttribute("server", mail.getHost() + ":" + mail.getPort());
    Optional<MailCatcher> caught = Optional.ofNullable(catcher.getIfAvailable());
    model.addAttribute("catcher", caught.map(MailCatcher::address).orElse(null));
    if (caught.isPresent()) {
      List<CaughtMail> messages = caught.get().messages();
      model.addAttribute("caughtCount", messages.size());
      model.addAttribute("messages", MailView.of(messages.stream().limit(SHOWN).toList()));
    }
    return "reports/mail";
  }

  /**
   * Queues a failed message again (its id in the form, not the address), or every failed message
   * when no id is given; back to the page with what happened.
   */
  @PostMapping("/resend")
  @PreAuthorize("@access.administrators(authentication)")
  public String resend(
      @RequestParam(name = "id", required = false) String id,
      Authentication user,
      RedirectAttributes redirect) {
    if (id == null || id.isBlank()) {
      int queued = outbox.resendAllFailed(user.getName());
      redirect.addFlashAttribute(
          "resent", queued == 1 ? "1 message queued again." : queued + " messages queued again.");
      return "redirect:/admin/mail#troubled";
    }
    long number;
    try {
      number = Long.parseLong(id.trim());
    } catch (NumberFormatException e) {
      redirect.addFlashAttribute("resent", "No message " + id.strip() + " to send again.");
      return "redirect:/admin/mail#troubled";
    }
    redirect.addFlashAttribute(
        "resent",
        outbox.resend(number, user.getName())
            ? "Message " + number + " queued again: it goes with the next send."
            : "Message " + number + " has not failed (or is gone); nothing was changed.");
    return "redirect:/admin/mail#troubled";
  }

  /** A refused message as the page shows it. */
  record TroubledView(
      long id,
      String state,
      String to,
      String subject,
      int attempts,
      String lastError,
      String queued,
      String queuedMachine,
      String nextAttempt) {

    static List<TroubledView> of(List<TroubledMessage> messages) {
      return messages.stream()
          .map(
              m ->
                  new TroubledView(
                      m.id(),
                      "FAILED".equals(m.status()) ? "Failed" : "Retrying",
                      m.recipients().replace(",", ", "),
                      m.subject(),
                      m.attempts(),
                      m.lastError() == null ? ReportFormat.NONE : m.lastError(),
                      ReportFormat.time(m.queuedAt()),
                      ReportFormat.machineTime(m.queuedAt()),
                      m.nextAttemptAt() == null
                          ? "Not until sent again"
                          : ReportFormat.time(m.nextAttemptAt())))
          .toList();
    }
  }

  /** The refusal is a page like the others, not the API's problem response. */
  @ExceptionHandler(AccessDeniedException.class)
  public String refused(Authentication user, Model model, HttpServletResponse response) {
    page(user, model, response);
    response.setStatus(HttpStatus.FORBIDDEN.value());
    model.addAttribute("refusedTitle", "You cannot read the application's email");
    model.addAttribute("refusedReason", "Only the council's system administrators can.");
    return "reports/refused";
  }

  private void page(Authentication user, Model model, HttpServletResponse response) {
    reportPage.prepare(user, model, response);
    model.addAttribute("page", "mail");
  }
}
