package uk.gov.council.commissioning.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web apps' own "Log out" ({@code POST /camunda/api/admin/auth/user/{engine}/logout}) only
 * makes them forget the user; the session Spring Security signed the user in with stays, and the
 * web apps trust it, so the next page would sign the user straight back in. Once the web apps have
 * accepted the request, which their CSRF filter refuses without their token, this ends that session
 * as {@code /logout} does. Any other method, or a refused request, signs nobody out.
 */
class WebAppLogoutFilter extends OncePerRequestFilter {

  private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/logout");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    if (response.getStatus() >= 200 && response.getStatus() < 300) {
      logout.logout(request, response, SecurityContextHolder.getContext().getAuthentication());
    }
  }
}
