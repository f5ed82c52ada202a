package uk.gov.council.commissioning.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Spring Security authenticates everyone. Two chains:
 *
 * <ul>
 *   <li>APIs ({@code /engine-rest}, {@code /api}): HTTP Basic, no session, 401 when not
 *       authenticated. With no cookie there is nothing for a cross-site request to ride on, so CSRF
 *       tokens are not needed there.
 *   <li>Everything else (Tasklist, Cockpit, Admin): a login page and a session. The web apps keep
 *       their own CSRF filter for {@code /camunda/api}; Spring's CSRF protects the login and logout
 *       forms.
 * </ul>
 *
 * Signing out takes a POST with a CSRF token: {@code /logout} with Spring's, or the web apps' own
 * "Log out" with theirs ({@link WebAppLogoutFilter}). A GET never signs out: any page could link to
 * one, and the session cookie (SameSite=Lax, see application.yml) still goes with a link followed
 * from another site.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

  private static final String AUTH_PROVIDER_PARAM = "authentication-provider";

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, CamundaIdentityAuthenticationProvider users)
      throws Exception {
    // Path patterns, not MVC matchers: /engine-rest is served by Jersey, outside Spring MVC.
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(
            new OrRequestMatcher(
                path.matcher("/engine-rest/**"),
                path.matcher("/api/**"),
                path.matcher("/actuator/**")))
        .authenticationProvider(users)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(path.matcher("/actuator/health/**"))
                    .permitAll()
                    // Metrics name no person, but tell an outsider how busy the council is.
                    .requestMatchers(path.matcher("/actuator/**"))
                    .hasAuthority("GROUP_" + Roles.ADMIN)
                    .anyRequest()
                    .authenticated())
        .httpBasic(
            basic ->
                basic.authenticationEntryPoint(
                    (request, response, ex) -> {
                      response.setHeader("WWW-Authenticate", "Basic realm=\"commissioning\"");
                      response.setContentType("application/problem+json");
                      response.setCharacterEncoding("UTF-8");
                      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                      response
                          .getWriter()
                          .write(
                              "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                                  + "\"detail\":\"Sign in with your user name and password (HTTP Basic).\"}");
                    }))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webChain(HttpSecurity http, CamundaIdentityAuthenticationProvider users)
      throws Exception {
    // Path patterns here too: an MVC matcher needs Spring MVC's handler look-up at every request,
    // which SecurityChainWithoutMvcLookup takes out.
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    http.authenticationProvider(users)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        path.matcher("/login"),
                        path.matcher("/error"),
                        path.matcher("/actuator/health"),
                        // Browsers ask for it after every page, the sign-in page included. Sent to
                        // the sign-in page instead, the request rendered a second one, and when it
                        // went without the session cookie (the cookie gone meanwhile) it started a
                        // new session whose cookie replaced the one the form on screen belonged to:
                        // the sign-in was then refused as a forged request.
                        path.matcher("/favicon.ico"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.defaultSuccessUrl("/camunda/app/tasklist/default/", false))
        // Spring's default: POST /logout with the token (a GET shows a page asking to confirm).
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    path.matcher("/camunda/api/**"), path.matcher("/camunda/app/**")));
    return http.build();
  }

  /**
   * No Micrometer observation around each of Spring Security's filters, each sign-in and each
   * access decision: with the actuator present they were about half of Spring Security's own CPU on
   * an engine API call. The metrics operations are given stay: every request is still timed ({@code
   * http.server.requests}); Spring Security's own timers were never among them.
   */
  @Bean
  static SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /** Lets Tasklist, Cockpit and Admin trust the user Spring Security signed in. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFilter() {
    return asSignedInUser(
        afterSpringSecurity(
            new ContainerBasedAuthenticationFilter(), "/camunda/app/*", "/camunda/api/*"));
  }

  /** Ends the session when the web apps have accepted their own "Log out". */
  @Bean
  FilterRegistrationBean<WebAppLogoutFilter> webappLogoutFilter() {
    return afterSpringSecurity(new WebAppLogoutFilter(), "/camunda/api/admin/auth/user/*");
  }

  /** Makes /engine-rest calls run as the signed-in user, so engine authorizations apply. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    return asSignedInUser(
        afterSpringSecurity(new ProcessEngineAuthenticationFilter(), "/engine-rest/*"));
  }

  /** Runs just after Spring Security's filters, once the user is signed in. */
  private static <F extends Filter> FilterRegistrationBean<F> afterSpringSecurity(
      F filter, String... urlPatterns) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns(urlPatterns);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** Has an engine authentication filter take its user from Spring Security. */
  private static <F extends Filter> FilterRegistrationBean<F> asSignedInUser(
      FilterRegistrationBean<F> registration) {
    registration.addInitParameter(
        AUTH_PROVIDER_PARAM, SpringSecurityEngineAuthenticationProvider.class.getName());
    return registration;
  }
}
