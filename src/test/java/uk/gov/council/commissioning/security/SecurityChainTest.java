package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestUsers;

/**
 * What runs around Spring Security's filters for every request: no Spring MVC handler look-up (the
 * application's matchers are path patterns) and no observation per filter, sign-in or access
 * decision, while each request is still timed for the metrics operations read.
 */
@ProcessTest
class SecurityChainTest extends HttpProcessTestCase {

  private static final String USER = "chain-officer";

  @Autowired ApplicationContext context;
  @Autowired MeterRegistry meters;

  @Test
  void noSpringMvcLookUpIsPutInFrontOfTheChain() {
    Object chain = context.getBean(SecurityChainWithoutMvcLookup.CHAIN);
    assertThat(chain.getClass().getName()).doesNotContain("WebMvcSecurityConfiguration");
    assertThat(chain).isInstanceOf(FilterChainProxy.class);
    assertThat(((FilterChainProxy) chain).getFilterChains()).hasSize(2);
  }

  @Test
  void requestsAreTimedButNotEachSecurityStep() {
    TestUsers.user(access, USER, Roles.COMMISSIONING_OFFICERS);
    assertThat(http.get("/engine-rest/process-definition/count", TestUsers.as(USER)).status())
        .isEqualTo(200);
    assertThat(http.get("/engine-rest/task").status()).isEqualTo(401);

    assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
    assertThat(meters.find("spring.security.filterchains").meters()).isEmpty();
    assertThat(meters.find("spring.security.authentications").meters()).isEmpty();
    assertThat(meters.find("spring.security.authorizations").meters()).isEmpty();
    assertThat(meters.find("spring.security.http.secured.requests").meters()).isEmpty();
  }
}
