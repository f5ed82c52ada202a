package uk.gov.council.commissioning.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.gov.council.commissioning.web.HttpTestClient;

/**
 * A {@link ProcessTestCase} that also calls the running server over HTTP, as a browser or an API
 * client would; for classes carrying {@link ProcessTest}, the context with a server. Sign a request
 * in with {@link TestUsers#as}.
 */
public abstract class HttpProcessTestCase extends ProcessTestCase {

  @LocalServerPort protected int port;
  @Autowired protected ObjectMapper json;

  /** A client without cookies, new for each test. */
  protected HttpTestClient http;

  @BeforeEach
  void openHttpClient() {
    http = new HttpTestClient(port);
  }
}
