package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
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
}
