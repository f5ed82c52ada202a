package uk.gov.council.commissioning.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the server forwards a failed request; asked for directly it has no error
 * to describe, and Spring Boot would answer 500. A direct request gets 404 like any other unknown
 * page. (The filter does not see error dispatches, so real errors are still described there.)
 */
@Configuration
class DirectErrorPage {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> directErrorRequests() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws IOException {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response
                    .getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}");
              }
            });
    registration.addUrlPatterns("/error");
    registration.setName("directErrorRequests");
    return registration;
  }
}
