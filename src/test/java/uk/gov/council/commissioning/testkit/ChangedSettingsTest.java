package uk.gov.council.commissioning.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on H2 with the settings a council may change away from their defaults, for the
 * tests that show what such a change does (and does not) alter. The settings are immutable
 * configuration records read by the engine's delegates, so they cannot be changed on the shared
 * context for one test; one context holds all of them, each set where no other test here reads it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(
    properties = {
      "commissioning.qaf.validation-starts-from=PLAN_DUE",
      "commissioning.complaints.provider-acknowledge-within=PT1H",
      "commissioning.safeguarding.alert-within=PT1H",
      "commissioning.meetings.feedback.every-nth-meeting=2",
      "commissioning.complaints.safeguarding-opens-incident=false"
    })
@ActiveProfiles("test")
@ExtendWith({TestClock.class, TestUsers.class})
public @interface ChangedSettingsTest {}
