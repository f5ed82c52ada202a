package uk.gov.council.commissioning.testkit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.AccessSetup;
import uk.gov.council.commissioning.security.Roles;

/**
 * The people of one test class: one council user for each {@link Role} the class names, called
 * {@code <prefix>-<role>} ({@code ta-buyer}, {@code ta-quality}), and optionally two rival provider
 * organisations, alpha and beta (see {@link TestProvider}), named after the same prefix.
 *
 * <p>Registered as an extension ({@code @RegisterExtension static final TestTeam TEAM = ...}) it
 * creates them, once, before each test, and registers the providers.
 *
 * <p>Only the named roles get a member: some classes check exactly who in a group was emailed or
 * offered a task, so a team adds no one they did not ask for. Asking for a member in a role the
 * team was not given fails at once rather than as a puzzling 401 further on.
 */
public final class TestTeam implements BeforeEachCallback {

  /** A member's part in the council, and the group that gives it. */
  public enum Role {
    OFFICER(Roles.COMMISSIONING_OFFICERS),
    MANAGER(Roles.CONTRACTS_MANAGERS),
    LEAD(Roles.CONTRACT_MANAGEMENT_LEADS),
    CSG(Roles.CORE_STRATEGY_GROUP),
    BUYER(Roles.PROCUREMENT),
    QUALITY(Roles.QUALITY_ASSURANCE),
    SAFEGUARDING(Roles.SAFEGUARDING),
    DIRECTOR(Roles.CHIEF_OFFICERS),
    FINANCE(Roles.FINANCE_DIRECTORS),
    GOVERNANCE(Roles.GOVERNANCE_CONTRACTS),
    ADMIN(Roles.ADMIN);

    private final String group;

    Role(String group) {
      this.group = group;
    }
  }

  private static final String ALPHA = "alpha";
  private static final String BETA = "beta";

  private final String prefix;
  private final Set<Role> roles;
  private final Map<String, TestProvider> providers;
  private final Map<String, Provider> registered = new ConcurrentHashMap<>();

  private TestTeam(String prefix, Set<Role> roles, Map<String, TestProvider> providers) {
    this.prefix = prefix;
    this.roles = roles;
    this.providers = providers;
  }

  /** A team with one member in each of {@code roles}. */
  public static TestTeam of(String prefix, Role... roles) {
    return new TestTeam(prefix, Set.of(roles), Map.of());
  }

  /** This team with the rival providers alpha and beta, each with a user. */
  public TestTeam withProviders(String alphaName, String betaName) {
    Map<String, TestProvider> both = new LinkedHashMap<>();
    both.put(ALPHA, provider(ALPHA, alphaName));
    both.put(BETA, provider(BETA, betaName));
    return new TestTeam(prefix, roles, both);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ApplicationContext application = SpringExtension.getApplicationContext(context);
    AccessSetup access = application.getBean(AccessSetup.class);
    for (Role role : roles) {
      TestUsers.user(access, user(role), role.group);
    }
    ContractService contracts = application.getBean(ContractService.class);
    providers.forEach((side, provider) -> registered.put(side, provider.setUp(access, contracts)));
  }

  /** The member with {@code role}, {@code <prefix>-<role>}. */
  public String user(Role role) {
    if (!roles.contains(role)) {
      throw new IllegalArgumentException("team " + prefix + " has no " + role);
    }
    return prefix + "-" + role.name().toLowerCase(Locale.ROOT);
  }

  /**
   * A provider organisation {@code side} named after the team, which the team does not set up: for
   * a class that needs only its user, or sets it up itself.
   */
  public TestProvider provider(String side, String name) {
    return TestProvider.named(prefix, side, name);
  }

  /** Provider alpha as registered for the current test. */
  public Provider alpha() {
    return registered(ALPHA);
  }

  /** Provider beta as registered for the current test. */
  public Provider beta() {
    return registered(BETA);
  }

  /** The user who works for provider alpha. */
  public String alphaUser() {
    return side(ALPHA).user();
  }

  /** The user who works for provider beta. */
  public String betaUser() {
    return side(BETA).user();
  }

  private Provider registered(String side) {
    side(side);
    Provider provider = registered.get(side);
    if (provider == null) {
      throw new IllegalStateException("provider " + side + " is registered before each test");
    }
    return provider;
  }

  private TestProvider side(String side) {
    TestProvider provider = providers.get(side);
    if (provider == null) {
      throw new IllegalArgumentException("team " + prefix + " has no provider " + side);
    }
    return provider;
  }
}
