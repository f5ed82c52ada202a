package uk.gov.council.commissioning.contracts;

import static uk.gov.council.commissioning.cases.RegisterColumns.date;
import static uk.gov.council.commissioning.cases.RegisterColumns.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import uk.gov.council.commissioning.cases.CaseRegisterQueries;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * SQL access to the register. Kept to SQL that H2 2.x and PostgreSQL 15 both accept. Callers
 * provide the transactions (see {@link ContractService}).
 */
@Repository
@RequiredArgsConstructor
class ContractRepository {

  private static final String CONTRACT_COLUMNS =
      """
      SELECT c.id, c.reference, c.title, c.service_area, c.start_date, c.end_date,
             c.annual_value, c.whole_life_value, c.budget_head, c.status, c.created_at, c.contract_officer,
             c.procurement_reference, c.replaces_reference, c.replaced_by_reference,
             p.id AS provider_id, p.name AS provider_name, p.contact_email AS provider_contact_email,
             p.organisation_group AS provider_organisation_group
        FROM contract c
        JOIN provider p ON p.id = c.provider_id
      """;

  private static final String BY_END_DATE = "c.end_date, c.reference";

  private final JdbcClient jdbc;

  // --- providers

  public Optional<Provider> findProviderById(long id) {
    return jdbc.sql("SELECT * FROM provider WHERE id = :id")
        .param("id", id)
        .query(ContractRepository::provider)
        .optional();
  }

  public Optional<Provider> findProviderByName(String name) {
    return jdbc.sql("SELECT * FROM provider WHERE name = :name")
        .param("name", name)
        .query(ContractRepository::provider)
        .optional();
  }

  public List<Provider> findAllProviders() {
    return jdbc.sql("SELECT * FROM provider ORDER BY name")
        .query(ContractRepository::provider)
        .list();
  }

  public Provider insertProvider(String name, String contactEmail, String organisationGroup) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO provider (name, contact_email, organisation_group)
            VALUES (:name, :email, :group)
            """)
        .param("name", name)
        .param("email", contactEmail)
        .param("group", organisationGroup)
        .update(key, "id");
    return new Provider(key.getKey().longValue(), name, contactEmail, organisationGroup);
  }

  // --- contracts

  /** The user id of the council officer who manages the contract, if one is recorded. */
  public Optional<String> findContractOfficer(String reference) {
    return jdbc.sql(
            "SELECT contract_officer FROM contract WHERE reference = :reference AND contract_officer IS NOT NULL")
        .param("reference", reference)
        .query(String.class)
        .optional();
  }

  public void setContractOfficer(String reference, String userId) {
    jdbc.sql("UPDATE contract SET contract_officer = :officer WHERE reference = :reference")
        .param("officer", userId)
        .param("reference", reference)
        .update();
  }

  public Optional<Contract> findByReference(String reference) {
    return withOptions(
            jdbc.sql(CONTRACT_COLUMNS + " WHERE c.reference = :reference")
                .param("reference", reference)
                .query(ContractRepository::contractWithoutOptions)
                .list())
        .stream()
        .findFirst();
  }

  public boolean existsByReference(String reference) {
    return jdbc.sql("SELECT COUNT(*) FROM contract WHERE reference = :reference")
            .param("reference", reference)
            .query(Long.class)
            .single()
        > 0;
  }

  public List<Contract> findAll() {
    return withOptions(contracts().all(BY_END_DATE));
  }

  /** A page of every contract, soonest ending first. */
  public PageOf<Contract> page(PageQuery query) {
    return withOptions(contracts().page(BY_END_DATE, query));
  }

  /** A page of the contracts of these provider organisations, soonest ending first. */
  public PageOf<Contract> pageOfProviderGroups(
      Collection<String> organisationGroups, PageQuery query) {
    return withOptions(
        contracts()
            .pageOfProviders(
                "c.provider_id IN (:providers)", organisationGroups, BY_END_DATE, query));
  }

  private PageOf<Contract> withOptions(PageOf<Contract> page) {
    return new PageOf<>(
        withOptions(page.items()), page.page(), page.size(), page.hasMore(), page.total());
  }

  public List<Contract> findByProviderGroups(Collection<String> organisationGroups) {
    return withOptions(
        contracts().ofGroups("p.organisation_group IN (:groups)", organisationGroups, BY_END_DATE));
  }

  public List<Contract> findActiveEndingBetweenWithUnusedOption(LocalDate from, LocalDate to) {
    return withOptions(
        jdbc.sql(
                CONTRACT_COLUMNS
                    + """
                     WHERE c.status = 'ACTIVE'
                       AND c.end_date BETWEEN :from AND :to
                       AND EXISTS (SELECT 1 FROM extension_option o
                                    WHERE o.contract_id = c.id AND o.used = FALSE)
                    """
                    + " ORDER BY "
                    + BY_END_DATE)
            .param("from", from)
            .param("to", to)
            .query(ContractRepository::contractWithoutOptions)
            .list());
  }

  /**
   * Locks the contract row until the surrounding transaction ends. Only the contract table is named
   * in the locking query: H2 refuses FOR UPDATE on some joins, and the contract row is the one
   * every decision about the contract goes through.
   *
   * @return the id of the locked contract, empty if there is no such contract
   */
  public Optional<Long> lockByReference(String reference) {
    return jdbc.sql("SELECT id FROM contract WHERE reference = :reference FOR UPDATE")
        .param("reference", reference)
        .query(Long.class)
        .optional();
  }

  /**
   * @param procurementReference the procurement that awarded the contract, or null
   * @param replacesReference the contract it replaces, or null
   */
  public long insertContract(
      NewContract c, ContractStatus status, String procurementReference, String replacesReference) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO contract (reference, title, provider_id, service_area, start_date, end_date,
                                  annual_value, whole_life_value, budget_head, status, contract_officer,
                                  procurement_reference, replaces_reference)
            VALUES (:reference, :title, :providerId, :serviceArea, :startDate, :endDate,
                    :annualValue, :wholeLifeValue, :budgetHead, :status, :contractOfficer,
                    :procurementReference, :replacesReference)
            """)
        .param("reference", c.reference())
        .param("title", c.title())
        .param("providerId", c.providerId())
        .param("serviceArea", c.serviceArea())
        .param("startDate", c.startDate())
        .param("endDate", c.endDate())
        .param("annualValue", c.annualValue())
        .param("wholeLifeValue", c.wholeLifeValue())
        .param("budgetHead", c.budgetHead())
        .param("contractOfficer", c.contractOfficer())
        .param("status", status.name())
        .param("procurementReference", procurementReference)
        .param("replacesReference", replacesReference)
        .update(key, "id");
    long id = key.getKey().longValue();
    int order = 1;
    for (NewContract.Option option : c.options()) {
      jdbc.sql(
              """
              INSERT INTO extension_option (contract_id, option_order, length_months, used)
              VALUES (:contractId, :order, :length, FALSE)
              """)
          .param("contractId", id)
          .param("order", order++)
          .param("length", option.lengthMonths())
          .update();
    }
    return id;
  }

  /**
   * Records that a decision used an option, unless it is already used.
   *
   * @return whether this call marked it (false: already used, or no such option)
   */
  public boolean markOptionUsed(long contractId, int optionOrder, String decision, Instant usedAt) {
    return jdbc.sql(
                """
                UPDATE extension_option
                   SET used = TRUE, used_by_decision = :decision, used_at = :usedAt
                 WHERE contract_id = :contractId AND option_order = :order AND used = FALSE
                """)
            .param("decision", decision)
            .param("usedAt", usedAt == null ? null : usedAt.atOffset(ZoneOffset.UTC))
            .param("contractId", contractId)
            .param("order", optionOrder)
            .update()
        == 1;
  }

  public void updateEndDate(long contractId, LocalDate endDate) {
    jdbc.sql("UPDATE contract SET end_date = :endDate WHERE id = :id")
        .param("endDate", endDate)
        .param("id", contractId)
        .update();
  }

  /**
   * Moves the contract from one status to another.
   *
   * @return false if it was not in status {@code from}
   */
  public boolean changeStatus(long contractId, ContractStatus from, ContractStatus to) {
    return jdbc.sql("UPDATE contract SET status = :to WHERE id = :id AND status = :from")
            .param("to", to.name())
            .param("id", contractId)
            .param("from", from.name())
            .update()
        == 1;
  }

  /** Records that {@code successor} replaced the contract and gives it {@code status}. */
  public void markReplaced(long contractId, String successor, ContractStatus status) {
    jdbc.sql(
            "UPDATE contract SET replaced_by_reference = :successor, status = :status WHERE id = :id")
        .param("successor", successor)
        .param("status", status.name())
        .param("id", contractId)
        .update();
  }

  // --- mapping

  private CaseRegisterQueries<Contract> contracts() {
    return new CaseRegisterQueries<>(
        jdbc, CONTRACT_COLUMNS, ContractRepository::contractWithoutOptions);
  }

  private List<Contract> withOptions(List<Contract> contracts) {
    if (contracts.isEmpty()) {
      return contracts;
    }
    List<Long> ids = contracts.stream().map(Contract::id).toList();
    Map<Long, List<ExtensionOption>> options =
        jdbc
            .sql(
                """
                SELECT * FROM extension_option
                 WHERE contract_id IN (:ids)
                 ORDER BY contract_id, option_order
                """)
            .param("ids", ids)
            .query(
                (rs, n) ->
                    Map.entry(
                        rs.getLong("contract_id"),
                        new ExtensionOption(
                            rs.getLong("id"),
                            rs.getInt("option_order"),
                            rs.getInt("length_months"),
                            rs.getBoolean("used"),
                            rs.getString("used_by_decision"),
                            instant(rs, "used_at"))))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    LinkedHashMap::new,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return contracts.stream()
        .map(c -> c.withOptions(options.getOrDefault(c.id(), List.of())))
        .toList();
  }

  private static Contract contractWithoutOptions(ResultSet rs, int row) throws SQLException {
    return new Contract(
        rs.getLong("id"),
        rs.getString("reference"),
        rs.getString("title"),
        new Provider(
            rs.getLong("provider_id"),
            rs.getString("provider_name"),
            rs.getString("provider_contact_email"),
            rs.getString("provider_organisation_group")),
        rs.getString("service_area"),
        date(rs, "start_date"),
        date(rs, "end_date"),
        money(rs, "annual_value"),
        money(rs, "whole_life_value"),
        rs.getString("budget_head"),
        ContractStatus.valueOf(rs.getString("status")),
        instant(rs, "created_at"),
        List.of(),
        rs.getString("contract_officer"),
        rs.getString("procurement_reference"),
        rs.getString("replaces_reference"),
        rs.getString("replaced_by_reference"));
  }

  private static Provider provider(ResultSet rs, int row) throws SQLException {
    return new Provider(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("contact_email"),
        rs.getString("organisation_group"));
  }

  private static BigDecimal money(ResultSet rs, String column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    return value == null ? null : value.setScale(2);
  }
}
