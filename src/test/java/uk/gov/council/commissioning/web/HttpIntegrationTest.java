package uk.gov.council.commissioning.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A running server on a random port, shared by every class that carries this annotation (same
 * configuration, so one cached context).
 *
 * <p>The engine is called "default" here, not a generated name: {@code /engine-rest} without an
 * engine name and the web apps' {@code .../engine/default/...} URLs look the engine up by that name
 * in the JVM-wide registry. Other test contexts keep generated names, so this is the only engine of
 * that name in the test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
public @interface HttpIntegrationTest {}
