package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The session cookie's settings in application.yml: the running server's cookie is checked in
 * {@link SignOutTest}; here the switch for a deployment behind a proxy that ends HTTPS, which the
 * test server (plain HTTP) cannot show.
 */
class SessionCookieSettingsTest {

  @Test
  void byDefaultTheCookieIsLaxAndHttpOnlyAndLeftToTomcatToMarkSecureOverHttps() throws IOException {
    Cookie cookie = sessionCookie(Map.of());

    assertThat(cookie.getSameSite()).isEqualTo(SameSite.LAX);
    assertThat(cookie.getHttpOnly()).isTrue();
    assertThat(cookie.getSecure()).isFalse();
  }

  @Test
  void sessionCookieSecureMarksItSecureWhateverTheRequest() throws IOException {
    assertThat(sessionCookie(Map.of("SESSION_COOKIE_SECURE", "true")).getSecure()).isTrue();
  }

  private static Cookie sessionCookie(Map<String, Object> environment) throws IOException {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("environment", environment));
    List<PropertySource<?>> yaml =
        new ArrayList<>(
            new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml")));
    yaml.forEach(env.getPropertySources()::addLast);
    Binder binder =
        new Binder(
            ConfigurationPropertySources.from(env.getPropertySources()),
            new PropertySourcesPlaceholdersResolver(env));
    return binder
        .bind("server", ServerProperties.class)
        .get()
        .getServlet()
        .getSession()
        .getCookie();
  }
}
