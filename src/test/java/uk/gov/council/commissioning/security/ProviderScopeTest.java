package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Provider isolation: whose records a provider's user and council staff see. */
class ProviderScopeTest {

  private static final Actor ALPHA = Actor.of("a", List.of(Roles.PROVIDERS, "provider-alpha"));
  private static final Actor STAFF = Actor.of("s", List.of(Roles.QUALITY_ASSURANCE));

  private record Entry(String owner) {}

  private static Authentication signedIn(String name, String... groups) {
    return new UsernamePasswordAuthenticationToken(
        name,
        "n/a",
        Arrays.stream(groups).map(Roles::authority).map(SimpleGrantedAuthority::new).toList());
  }

  @Test
  void aProviderSeesOnlyWhatItsOwnOrganisationsOwn() {
    assertThat(ProviderScope.sees(ALPHA, "provider-alpha")).isTrue();
    assertThat(ProviderScope.sees(ALPHA, "provider-beta")).isFalse();
  }

  @Test
  void theCouncilsOwnWorkHasNoOwnerAndNoProviderSeesIt() {
    assertThat(ProviderScope.sees(ALPHA, null)).isFalse();
    assertThat(ProviderScope.sees(Actor.of("p", List.of(Roles.PROVIDERS)), null)).isFalse();
    assertThat(ProviderScope.sees(STAFF, null)).isTrue();
  }

  @Test
  void staffSeeEveryOrganisationsRecords() {
    assertThat(ProviderScope.sees(STAFF, "provider-beta")).isTrue();
    assertThat(ProviderScope.sees(Actor.engine(), "provider-beta")).isTrue();
  }

  @Test
  void aSignedInUserIsJudgedByItsGroups() {
    Authentication alpha = signedIn("a", "provider-alpha");
    assertThat(Actor.of(alpha)).isEqualTo(new Actor("a", true, Set.of("provider-alpha")));
    assertThat(ProviderScope.sees(alpha, "provider-alpha")).isTrue();
    assertThat(ProviderScope.sees(alpha, "provider-beta")).isFalse();
    assertThat(ProviderScope.sees(signedIn("s", Roles.CONTRACTS_MANAGERS), "provider-beta"))
        .isTrue();
  }

  @Test
  void anotherOrganisationsRecordIsNotFound() {
    Optional<Entry> beta = Optional.of(new Entry("provider-beta"));
    assertThat(ProviderScope.find(ALPHA, beta, Entry::owner)).isEmpty();
    assertThat(ProviderScope.find(STAFF, beta, Entry::owner)).isEqualTo(beta);
    assertThat(ProviderScope.find(signedIn("a", "provider-alpha"), beta, Entry::owner)).isEmpty();
    assertThat(ProviderScope.find(STAFF, Optional.<Entry>empty(), Entry::owner)).isEmpty();
  }

  @Test
  void aListIsOfTheProvidersOwnOrganisationsOrEverything() {
    List<Entry> all = List.of(new Entry("provider-alpha"), new Entry("provider-beta"));
    assertThat(ProviderScope.visible(ALPHA, groups -> ofOrganisations(all, groups), () -> all))
        .containsExactly(new Entry("provider-alpha"));
    assertThat(ProviderScope.visible(STAFF, groups -> List.<Entry>of(), () -> all)).isEqualTo(all);
    assertThat(
            ProviderScope.visible(
                signedIn("p", Roles.PROVIDERS), groups -> ofOrganisations(all, groups), () -> all))
        .isEmpty();
  }

  private static List<Entry> ofOrganisations(List<Entry> all, Collection<String> groups) {
    return all.stream().filter(e -> groups.contains(e.owner())).toList();
  }
}
