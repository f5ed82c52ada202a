package uk.gov.council.commissioning.testkit;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * The application as the {@code demo} profile starts it: one Spring context, shared by every class
 * that extends this one. The demo's mail catcher listens on a free port here, not the demo's 1025,
 * which something else on the machine may hold; the web apps stay off (this server is a second one
 * in the test JVM, and they keep JVM-wide state).
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.webapp.enabled=false")
@ActiveProfiles({"test", "demo"})
public abstract class DemoProfileTestCase {

  /** Chosen once: the property is read more than once, by the catcher and by spring.mail.port. */
  private static final int CATCHER_PORT = TestSocketUtils.findAvailableTcpPort();

  @DynamicPropertySource
  static void catcherPort(DynamicPropertyRegistry registry) {
    registry.add("commissioning.mail.catcher.port", () -> CATCHER_PORT);
  }
}
