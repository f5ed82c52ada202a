package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.council.commissioning.cases.CopiedVariables;

/**
 * The variables a serious incident's registration copies from the register for its forms: their
 * changes need no history rows of their own (see {@link CopiedVariables}).
 */
@Configuration(proxyBeanMethods = false)
class IncidentCopiedVariables {

  @Bean
  CopiedVariables seriousIncidentCopies() {
    return CopiedVariables.of(
        PROCESS_KEY,
        INCIDENT_NUMBER,
        CONTRACT_TITLE,
        PROVIDER_NAME,
        CATEGORY_LABEL,
        OCCURRED_AT_TEXT,
        INITIAL_REPORT_DUE_TEXT,
        REPORTING_FORM_DUE_TEXT);
  }
}
