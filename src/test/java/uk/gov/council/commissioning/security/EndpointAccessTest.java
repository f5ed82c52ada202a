package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The endpoint rules that need no process configuration. */
class EndpointAccessTest {

  private final EndpointAccess access = new EndpointAccess(null);

  private static Authentication signedIn(String... groups) {
    return new UsernamePasswordAuthenticationToken(
        "u",
        "n/a",
        Arrays.stream(groups).map(Roles::authority).map(SimpleGrantedAuthority::new).toList());
  }

  @Test
  void onlyAdministratorsAreAdministrators() {
    assertThat(access.administrators(signedIn(Roles.ADMIN)).isGranted()).isTrue();
    assertThat(access.administrators(signedIn(Roles.CONTRACTS_MANAGERS)).isGranted()).isFalse();
    assertThat(access.administrators(signedIn(Roles.PROVIDERS, "provider-alpha")).isGranted())
        .isFalse();
    assertThat(access.administrators(signedIn()).reason())
        .isEqualTo("Only administrators may do this");
  }

  @Test
  void reportsAreForStaffAndProvidersNotForSomeoneInNoTeam() {
    assertThat(access.staffOrProvider(signedIn(Roles.QUALITY_ASSURANCE)).isGranted()).isTrue();
    assertThat(access.staffOrProvider(signedIn(Roles.ADMIN)).isGranted()).isTrue();
    assertThat(access.staffOrProvider(signedIn("provider-alpha")).isGranted()).isTrue();
    assertThat(access.staffOrProvider(signedIn()).isGranted()).isFalse();
    assertThat(access.staffOrProvider(signedIn("some-other-group")).isGranted()).isFalse();
  }
}
