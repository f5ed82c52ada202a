package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.extension.ExtensionVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.decisions.DecisionMaker;
import uk.gov.council.commissioning.notify.Attachment;
import uk.gov.council.commissioning.notify.NotificationService;

/**
 * Produces the extension letter once, keeps it with the case (a file variable Cockpit can open) and
 * emails it to the provider through the outbox, keyed by the case so a retry sends nothing new.
 */
@Component("sendExtensionLetter")
@RequiredArgsConstructor
public class SendExtensionLetter implements JavaDelegate {

  private final ExtensionLetterService letters;
  private final NotificationService notifications;
  private final Clock clock;

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = execution.getProcessInstanceId();
    LetterDetails details =
        new LetterDetails(
            (String) execution.getVariable(CONTRACT_REFERENCE),
            (String) execution.getVariable(CONTRACT_TITLE),
            (String) execution.getVariable(PROVIDER_NAME),
            ((Number) execution.getVariable(OPTION_ORDER)).intValue(),
            LocalDate.parse((String) execution.getVariable(EXTENSION_START)),
            LocalDate.parse((String) execution.getVariable(EXTENSION_END)),
            String.valueOf(execution.getVariable(DECISION_REFERENCE_MADE)),
            DecisionMaker.titleOf(String.valueOf(execution.getVariable(APPROVAL_ROUTE))),
            LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK));
    ExtensionLetter letter = letters.produceOnce(caseId, details);

    execution.setVariable(
        EXTENSION_LETTER,
        Variables.fileValue(letter.fileName())
            .file(letter.content())
            .mimeType(ExtensionLetter.CONTENT_TYPE)
            .create());
    notifications.send(
        "extension-letter:" + caseId,
        // The register allows a provider without an address; the letter is still kept with the
        // case.
        Stream.ofNullable((String) execution.getVariable(PROVIDER_EMAIL)).toList(),
        "Contract " + details.contractReference() + " extended to " + details.extensionEnd(),
        String.join("\n\n", ExtensionLetterService.paragraphs(details)),
        new Attachment(letter.fileName(), ExtensionLetter.CONTENT_TYPE, letter.content()));
  }
}
