package uk.gov.council.commissioning.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.MANAGER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.QUALITY;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.web.util.HtmlUtils;
import uk.gov.council.commissioning.compliance.Quarter;
import uk.gov.council.commissioning.testkit.Browser;
import uk.gov.council.commissioning.testkit.ContractDraft;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.testkit.TestUsers;

/**
 * A serious incident worked in a real browser (headless Chromium) through the screens people use: a
 * provider's user reports it through Tasklist's start form, is refused with the field named by its
 * label, and reports it again in full; a quality officer claims and completes the next task (the
 * reporting form received by email) and opens the review; a contracts manager finds the case in
 * Cockpit. Seed 002 §12.2 to §12.5.
 *
 * <p>Four texts that reach the screens from different places hold a script: the provider's name and
 * the contract's title (the register), the incident's description (the start form) and the
 * reporting form as received (a task form). Each screen must show them as text: the script is in
 * the page's text, escaped in its source, and no alert opens.
 */
@ProcessTest
class BrowserJourneyTest extends HttpProcessTestCase {

  static final String PROVIDER_SCRIPT = "<script>alert('provider')</script>";
  static final String CONTRACT_SCRIPT = "<script>alert('contract')</script>";
  static final String DESCRIPTION_SCRIPT = "<script>alert('description')</script>";
  static final String RECEIVED_SCRIPT = "<script>alert('received')</script>";

  @RegisterExtension static final Browser BROWSER = new Browser();

  @RegisterExtension
  static final TestTeam TEAM =
      TestTeam.of("bj", QUALITY, MANAGER)
          .withProviders("Sunrise " + PROVIDER_SCRIPT + " Care", "Brookside Care");

  private static final DateTimeFormatter FORM_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  @Test
  void aProviderReportsAQualityOfficerWorksTheNextTaskAndAManagerSeesTheCaseInCockpit() {
    String reference = uniqueReference("BJ-");
    contracts.create(
        ContractDraft.draft(reference, TEAM.alpha().id())
            .about("Home care " + CONTRACT_SCRIPT, "Home care", "Home Care")
            .running("2024-04-01", "2027-03-31", "640000.00", "1920000.00", 12));
    // Yesterday, in the browser's time zone (UTC): in the past whenever the test runs.
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    // --- the provider reports the incident in Tasklist ------------------------------------------
    signIn(TEAM.alphaUser());
    BROWSER.click(By.xpath("//a[normalize-space()='Start process']"));
    BROWSER.click(
        By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='Serious incident']"));
    type("contractReference", reference);
    choose("category", "Emergency admission to hospital");
    dateTime("occurredAt", yesterday, "09:00");
    dateTime("providerAwareAt", yesterday, "10:00");
    type("partiesInvolved", "The service user and her carer");
    type("emergencyServices", "Ambulance at 08:10");
    type("immediateAction", "First aid; ambulance called");
    type("furtherAction", "Falls review at the next visit");
    choose("serviceUserGroup", "Older people");
    type("serviceUserName", "Edith Example");
    type("serviceUserLbbId", "LBB-204518");

    // Left out: the server's check refuses the start and names the field as the form labels it.
    BROWSER.click(By.xpath("//button[normalize-space()='Start']"));
    BROWSER.waitForText("Full description of the incident: is required");
    assertThat(casesOn(reference)).as("a refused start creates nothing").isEmpty();

    type("description", DESCRIPTION_SCRIPT + " Found on the hallway floor by the carer");
    BROWSER.click(By.xpath("//button[normalize-space()='Start']"));
    BROWSER
        .waiting()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal")));
    ProcessInstance incident =
        BROWSER.waiting().until(d -> casesOn(reference).stream().findFirst().orElse(null));
    String number = incident.getBusinessKey();
    BROWSER.assertNoAlert("Tasklist after the start");

    // The provider's own task shows the register's texts as text.
    openTask(taskAt(incident, "Task_SubmitReportingForm"), number);
    assertShownAsText("the provider's task", PROVIDER_SCRIPT, CONTRACT_SCRIPT);

    // The application's own page: the breach of the 12-hour deadline, with the provider's name.
    Quarter quarter = Quarter.containing(yesterday.atTime(21, 0).toInstant(ZoneOffset.UTC));
    BROWSER.driver().get(url("/reports/breaches?quarter=" + quarter));
    BROWSER.waitForText(number);
    assertShownAsText("the breaches page", PROVIDER_SCRIPT);

    // --- a quality officer claims and completes the next task -----------------------------------
    signIn(TEAM.user(QUALITY));
    Task received = taskAt(incident, "Task_EnterReportingFormReceivedOtherwise");
    openTask(received, number);
    BROWSER.click(By.xpath("//button[normalize-space()='Claim'] | //a[normalize-space()='Claim']"));
    BROWSER.waiting().until(d -> TEAM.user(QUALITY).equals(assigneeOf(received)));
    BROWSER.click(By.cssSelector("[id$='-Field_reportingFormChannel1-0']"));
    dateTime("reportingFormReceivedAt", yesterday, "12:00");
    type(
        "reportingFormText",
        RECEIVED_SCRIPT + " Chronology: carer arrived 07:55, found her on the floor");
    BROWSER.click(By.xpath("//button[normalize-space()='Complete']"));
    BROWSER
        .waiting()
        .withMessage("the task to be completed")
        .until(d -> taskService.createTaskQuery().taskId(received.getId()).count() == 0);

    // The review, next, shows every text of the case as text.
    openTask(taskAt(incident, "Task_ReviewIncident"), number);
    BROWSER.waitForText("Found on the hallway floor by the carer");
    assertShownAsText(
        "the review task", PROVIDER_SCRIPT, CONTRACT_SCRIPT, DESCRIPTION_SCRIPT, RECEIVED_SCRIPT);

    // --- a contracts manager sees the case in Cockpit -------------------------------------------
    signIn(TEAM.user(MANAGER));
    BROWSER
        .driver()
        .get(
            url(
                "/camunda/app/cockpit/default/#/process-instance/"
                    + incident.getId()
                    + "/runtime?tab=variables-tab"));
    BROWSER.waitForText("Business Key");
    BROWSER.waitForText(number);
    BROWSER.waitForText("reportingFormText");
    assertShownAsText(
        "Cockpit's variables",
        PROVIDER_SCRIPT,
        CONTRACT_SCRIPT,
        DESCRIPTION_SCRIPT,
        RECEIVED_SCRIPT);
  }

  // --- steps --------------------------------------------------------------------------------

  /** A new session: the app's sign-in page, then Tasklist, where it sends a user. */
  private void signIn(String user) {
    WebDriver driver = BROWSER.driver();
    driver.get(url("/login"));
    driver.manage().deleteAllCookies();
    driver.get(url("/login"));
    BROWSER.visible(By.id("username")).sendKeys(user);
    BROWSER.visible(By.id("password")).sendKeys(TestUsers.password(user));
    BROWSER.click(By.cssSelector("button[type=submit]"));
    // The run's first Tasklist page loads and starts the whole web app: on a busy build machine
    // that has taken more than a minute.
    BROWSER
        .waiting(Duration.ofMinutes(3))
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//a[normalize-space()='Start process']")));
  }

  /** Opens the task in Tasklist and waits for its form, which names the case. */
  private void openTask(Task task, String number) {
    BROWSER.driver().get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
    BROWSER
        .waiting()
        .withMessage(() -> "the form of " + task.getName())
        .until(
            d ->
                d.findElements(By.cssSelector(".fjs-container")).stream()
                    .anyMatch(form -> form.getText().contains(number)));
  }

  /** A form-js field by its id in the form ({@code Field_<key>1}, the forms' convention). */
  private static By field(String key) {
    return By.cssSelector("[id$='-Field_" + key + "1']");
  }

  private void type(String key, String text) {
    WebElement input = BROWSER.visible(field(key));
    input.clear();
    input.sendKeys(text);
  }

  /** Picks an option of a form-js select (a list of its own, not an HTML select). */
  private void choose(String key, String option) {
    BROWSER.click(By.cssSelector("[id$='-Field_" + key + "1-display']"));
    // Clicked where it is: scrolling the page would close the list.
    BROWSER
        .waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='"
                        + option
                        + "']")))
        .click();
  }

  /** A form-js date and time, typed as the fields' placeholders ask (mm/dd/yyyy, hh:mm). */
  private void dateTime(String key, LocalDate day, String time) {
    WebElement date = BROWSER.visible(By.cssSelector("[id$='-Field_" + key + "1-date']"));
    date.click();
    date.sendKeys(FORM_DATE.format(day));
    WebElement clock = BROWSER.visible(By.cssSelector("[id$='-Field_" + key + "1-time']"));
    clock.click();
    clock.sendKeys(time);
  }

  /**
   * Asserts that each text, which holds a script, is on the page as text: in what the page shows,
   * escaped in its source, in no script element, and that no script opened an alert.
   */
  private void assertShownAsText(String where, String... texts) {
    BROWSER.assertNoAlert(where);
    WebDriver driver = BROWSER.driver();
    String shown = driver.findElement(By.tagName("body")).getText();
    String source = driver.getPageSource();
    for (String text : texts) {
      assertThat(shown).as("%s shows %s", where, text).contains(text);
      assertThat(source)
          .as("%s has %s escaped", where, text)
          .contains(HtmlUtils.htmlEscape(text).replace("&#39;", "'"));
    }
    List<String> scripts =
        driver.findElements(By.tagName("script")).stream()
            .map(script -> script.getAttribute("innerHTML"))
            .filter(code -> code != null && code.contains("alert("))
            .toList();
    assertThat(scripts).as("%s: no script element holds the texts", where).isEmpty();
  }

  private List<ProcessInstance> casesOn(String reference) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey("serious-incident")
        .variableValueEquals("contractReference", reference)
        .list();
  }

  private String assigneeOf(Task task) {
    return taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
