package uk.gov.council.commissioning.security;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;

/**
 * What a list shows to whom: a provider's user the entries of the organisations it acts for,
 * council staff every entry.
 */
public final class ProviderScope {

  private ProviderScope() {}

  public static <T> List<T> visible(
      Authentication user,
      Function<Collection<String>, List<T>> ofOrganisations,
      Supplier<List<T>> all) {
    return CouncilUser.isProvider(user)
        ? ofOrganisations.apply(CouncilUser.providerGroups(user))
        : all.get();
  }
}
