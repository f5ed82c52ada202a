package uk.gov.council.commissioning.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on H2 with a running server on a random port and MockMvc: one Spring context,
 * cached and shared by every class that carries this annotation, so the engine starts once per run.
 *
 * <p>The engine is called "default" here, not a generated name: {@code /engine-rest} without an
 * engine name and the web apps' {@code .../engine/default/...} URLs look the engine up by that name
 * in the JVM-wide registry. The other test contexts keep generated names, so this is the only
 * engine of that name in the test JVM.
 *
 * <p>Classes share the engine and the database: each names its own users, cases and contracts, and
 * the engine's clock is reset after every test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.generate-unique-process-engine-name=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith({TestClock.class, TestUsers.class})
public @interface ProcessTest {}
