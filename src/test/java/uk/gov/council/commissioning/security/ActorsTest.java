package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.junit.jupiter.api.Test;

/** Who a user of the engine is, from the groups the engine has for it. */
class ActorsTest {

  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
  private final Actors actors = new Actors(identity);

  private void member(String userId, String... groupIds) {
    List<Group> groups = Arrays.stream(groupIds).<Group>map(GroupEntity::new).toList();
    when(identity.createGroupQuery().groupMember(userId).list()).thenReturn(groups);
  }

  @Test
  void aCouncilOfficerIsInACouncilTeamAndNoProvider() {
    member("officer", Roles.CONTRACTS_MANAGERS);
    member("admin", Roles.ADMIN);
    member("both", Roles.COMMISSIONING_OFFICERS, "provider-alpha");
    member("provider", Roles.PROVIDERS, "provider-alpha");
    member("nobody");

    assertThat(actors.isCouncilOfficer("officer")).isTrue();
    assertThat(actors.isCouncilOfficer("admin")).isFalse();
    assertThat(actors.isCouncilOfficer("both")).isFalse();
    assertThat(actors.isCouncilOfficer("provider")).isFalse();
    assertThat(actors.isCouncilOfficer("nobody")).isFalse();
    assertThat(actors.isCouncilOfficer(null)).isFalse();
  }

  @Test
  void aMemberOfAnyOfTheTeamsAStepIsFor() {
    member("officer", Roles.CONTRACTS_MANAGERS);
    member("provider", Roles.PROVIDERS, "provider-alpha");

    assertThat(
            actors.isMemberOfAny("officer", Roles.COMMISSIONING_OFFICERS, Roles.CONTRACTS_MANAGERS))
        .isTrue();
    assertThat(actors.isMemberOfAny("officer", Roles.COMMISSIONING_OFFICERS)).isFalse();
    assertThat(actors.isMemberOfAny("provider", Roles.CONTRACTS_MANAGERS)).isFalse();
    assertThat(actors.isMemberOfAny(null, Roles.CONTRACTS_MANAGERS)).isFalse();
  }

  @Test
  void aUserActsForTheProviderOrganisationsItBelongsTo() {
    member("alpha", Roles.PROVIDERS, "provider-alpha");
    assertThat(actors.of("alpha")).isEqualTo(new Actor("alpha", true, Set.of("provider-alpha")));
    assertThat(actors.of(" ")).isEqualTo(Actor.engine());
  }

  @Test
  void theStartingUserHasTheGroupsItSignedInWithWithoutALookUp() {
    when(identity.getCurrentAuthentication())
        .thenReturn(new Authentication("alpha", List.of(Roles.PROVIDERS, "provider-alpha")));

    assertThat(actors.startingUser("someone-else"))
        .as("the signed-in user, not the initiator variable a request could set")
        .isEqualTo(new Actor("alpha", true, Set.of("provider-alpha")));
    verify(identity, never()).createGroupQuery();
  }

  @Test
  void aSignInWithoutGroupsHasThemLookedUp() {
    member("alpha", Roles.PROVIDERS, "provider-alpha");
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication("alpha", null));
    assertThat(actors.startingUser(null))
        .isEqualTo(new Actor("alpha", true, Set.of("provider-alpha")));

    when(identity.getCurrentAuthentication()).thenReturn(new Authentication("alpha", List.of()));
    assertThat(actors.startingUser(null))
        .as("an empty list is looked up too: a provider's user is never taken for staff")
        .isEqualTo(new Actor("alpha", true, Set.of("provider-alpha")));
  }
}
