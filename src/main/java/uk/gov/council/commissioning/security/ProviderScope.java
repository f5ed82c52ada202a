package uk.gov.council.commissioning.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;

/**
 * Provider isolation, decided in one place: council staff see every organisation's records, a
 * provider's user only those of the organisations it acts for. A feature states only whose record
 * it is (its owning organisation group, or null for the council's own work, which no provider
 * sees); which council teams see a process's cases at all is {@link CaseAccess}.
 */
public final class ProviderScope {

  private ProviderScope() {}

  /**
   * Whether the user sees a record owned by the organisation.
   *
   * @param owningOrganisationGroup the provider organisation whose record it is; null when it is
   *     the council's own and no provider sees it
   */
  public static boolean sees(Actor user, String owningOrganisationGroup) {
    return !user.provider()
        || (owningOrganisationGroup != null && user.actsFor(owningOrganisationGroup));
  }

  public static boolean sees(Authentication user, String owningOrganisationGroup) {
    return sees(Actor.of(user), owningOrganisationGroup);
  }

  /**
   * The record found, if the user sees it. One the user may not see is answered as not found, so a
   * provider does not learn that another organisation's record exists.
   */
  public static <T> Optional<T> find(
      Actor user, Optional<T> found, Function<T, String> owningOrganisationGroup) {
    return found.filter(record -> sees(user, owningOrganisationGroup.apply(record)));
  }

  public static <T> Optional<T> find(
      Authentication user, Optional<T> found, Function<T, String> owningOrganisationGroup) {
    return find(Actor.of(user), found, owningOrganisationGroup);
  }

  /**
   * A list as the user sees it: a provider's user the entries of the organisations it acts for
   * (none when it acts for none), council staff every entry.
   */
  public static <T> List<T> visible(
      Actor user, Function<Collection<String>, List<T>> ofOrganisations, Supplier<List<T>> all) {
    return scoped(user, ofOrganisations, all);
  }

  /**
   * The same choice for any answer over the entries, such as one page of them: a provider's user
   * gets {@code ofOrganisations} of the organisations it acts for, council staff {@code all}.
   */
  public static <R> R scoped(
      Actor user, Function<Collection<String>, R> ofOrganisations, Supplier<R> all) {
    return user.provider() ? ofOrganisations.apply(user.organisationGroups()) : all.get();
  }

  public static <R> R scoped(
      Authentication user, Function<Collection<String>, R> ofOrganisations, Supplier<R> all) {
    return scoped(Actor.of(user), ofOrganisations, all);
  }

  public static <T> List<T> visible(
      Authentication user,
      Function<Collection<String>, List<T>> ofOrganisations,
      Supplier<List<T>> all) {
    return visible(Actor.of(user), ofOrganisations, all);
  }
}
