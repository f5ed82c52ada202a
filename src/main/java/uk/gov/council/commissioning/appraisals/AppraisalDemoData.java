package uk.gov.council.commissioning.appraisals;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.security.Roles;

/**
 * Demo only: the Coventry decision report of seed 003, submitted by the demo commissioning officer
 * ("officer") once, so its case waits at the officer's check in Tasklist.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
class AppraisalDemoData {

  static final String DEMO_OFFICER = "officer";

  private static final Logger log = LoggerFactory.getLogger(AppraisalDemoData.class);

  private final OptionsAppraisals appraisals;
  private final JdbcClient jdbc;

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void submitCoventryReport() {
    boolean present =
        jdbc.sql("SELECT COUNT(*) FROM options_appraisal WHERE title = :title")
                .param("title", CoventryAppraisal.TITLE)
                .query(Long.class)
                .single()
            > 0;
    if (present) {
      return;
    }
    var officer =
        new UsernamePasswordAuthenticationToken(
            DEMO_OFFICER,
            null,
            List.of(new SimpleGrantedAuthority(Roles.authority(Roles.COMMISSIONING_OFFICERS))));
    try {
      String reference = appraisals.create(CoventryAppraisal.report(), officer).reference();
      log.info("Demo options appraisal {} submitted (seed 003)", reference);
    } catch (RuntimeException e) {
      // The rest of the demo is still worth starting.
      log.warn("The demo options appraisal was not submitted: {}", e.getMessage());
    }
  }
}
