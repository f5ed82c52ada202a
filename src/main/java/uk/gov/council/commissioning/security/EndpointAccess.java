package uk.gov.council.commissioning.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The access rules of the application's own endpoints, named in their {@code @PreAuthorize} as
 * {@code @access}. Each rule answers with a {@link Decision} whose reason becomes the 403's detail,
 * so a refused caller learns whom to ask. Which rows a provider sees stays a filter on the data.
 */
@Component("access")
@RequiredArgsConstructor
public class EndpointAccess {

  private static final Map<String, String> GROUP_NAMES =
      Roles.COUNCIL_GROUPS.stream()
          .collect(Collectors.toMap(Roles.GroupName::id, g -> g.name().toLowerCase()));

  private final CaseAccess cases;

  /** A decision that says why it refused. */
  public static final class Decision extends AuthorizationDecision {

    private final String reason;

    Decision(boolean granted, String reason) {
      super(granted);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  /**
   * Who may start the process: the council groups of {@link Roles#STARTERS} and administrators, and
   * a provider's users for the processes of {@link Roles#PROVIDER_STARTED}.
   */
  public Decision mayStart(Authentication user, String processKey) {
    boolean providerStarted = Roles.PROVIDER_STARTED.contains(processKey);
    List<String> starters = Roles.STARTERS.getOrDefault(processKey, List.of());
    boolean granted =
        CouncilUser.isProvider(user)
            ? providerStarted
            : CouncilUser.isInAny(user, withAdmin(starters));
    List<String> who = new ArrayList<>(names(starters));
    if (providerStarted) {
      who.add("providers");
    }
    return new Decision(granted, "Only " + and(who) + " start " + processKey + " cases");
  }

  /** Council staff of the given groups, or administrators; never a provider's users. */
  public Decision staffIn(Authentication user, String... groups) {
    return new Decision(
        !CouncilUser.isProvider(user)
            && CouncilUser.isInAny(user, withAdmin(Arrays.asList(groups))),
        "Only " + and(namesWithAdmin(groups)) + " may do this");
  }

  /** The staff of {@link Roles#MEETING_FEEDBACK_READERS}, or administrators. */
  public Decision readsMeetingFeedback(Authentication user) {
    return staffIn(user, Roles.MEETING_FEEDBACK_READERS.toArray(String[]::new));
  }

  /** Members of the given groups, or administrators. */
  public Decision memberOf(Authentication user, String... groups) {
    return new Decision(
        CouncilUser.isInAny(user, withAdmin(Arrays.asList(groups))),
        "Only " + and(namesWithAdmin(groups)) + " may do this");
  }

  /** The council's system administrators only. */
  public Decision administrators(Authentication user) {
    return new Decision(
        CouncilUser.isInAny(user, List.of(Roles.ADMIN)), "Only administrators may do this");
  }

  /**
   * Council staff and a provider's users; not someone in no council team and no provider
   * organisation.
   */
  public Decision staffOrProvider(Authentication user) {
    return new Decision(
        CouncilUser.isProvider(user) || CouncilUser.isCouncilStaff(user),
        "Only council staff and providers' users may do this");
  }

  /** Anyone but a provider's users. */
  public Decision councilStaff(Authentication user) {
    return new Decision(!CouncilUser.isProvider(user), "Only council staff may do this");
  }

  /**
   * A provider's users (who see their own organisation's cases, filtered from the data) and the
   * council teams that see the process's cases ({@code commissioning.access}).
   */
  public Decision seesCases(Authentication user, String processKey) {
    return new Decision(
        CouncilUser.isProvider(user) || cases.maySeeCases(user, processKey),
        "These cases are seen by " + cases.teamsSeeing(processKey));
  }

  private static List<String> withAdmin(List<String> groups) {
    return Stream.concat(groups.stream(), Stream.of(Roles.ADMIN)).toList();
  }

  private static List<String> names(List<String> groups) {
    return groups.stream().map(g -> GROUP_NAMES.getOrDefault(g, g)).toList();
  }

  private static List<String> namesWithAdmin(String... groups) {
    return Stream.concat(names(Arrays.asList(groups)).stream(), Stream.of("administrators"))
        .toList();
  }

  private static String and(List<String> words) {
    if (words.size() < 2) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.get(words.size() - 1);
  }

  /**
   * A refusal by {@code @PreAuthorize} answered as before: 403 with a problem body naming the
   * reason. Pages that show a refusal of their own handle it in their controller.
   */
  @RestControllerAdvice
  static class Refusals {

    @ExceptionHandler(AuthorizationDeniedException.class)
    ResponseEntity<ProblemDetail> refused(AuthorizationDeniedException ex) {
      String reason =
          ex.getAuthorizationResult() instanceof Decision decision
              ? decision.reason()
              : "You may not do this";
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, reason));
    }
  }
}
