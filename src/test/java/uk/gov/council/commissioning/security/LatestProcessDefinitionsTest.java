package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

/** The latest version of each process, read from the definitions' table as the engine keeps it. */
class LatestProcessDefinitionsTest {

  @Test
  void theLatestVersionOfEachKeyAndTenant() {
    ManagementService management =
        table(
            // As PostgreSQL names the columns (H2: upper case); no tenant leaves its column out.
            row("id_", "incident:1", "key_", "serious-incident", "version_", 1),
            row("ID_", "incident:3", "KEY_", "serious-incident", "VERSION_", 3),
            row("ID_", "incident:2", "KEY_", "serious-incident", "VERSION_", 2),
            row("ID_", "complaint:1", "KEY_", "complaint", "VERSION_", 1),
            row(
                "ID_",
                "t-incident:1",
                "KEY_",
                "serious-incident",
                "VERSION_",
                1,
                "TENANT_ID_",
                "t"));

    assertThat(AccessSetup.latestProcessDefinitions(management))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "incident:3", "serious-incident",
                "complaint:1", "complaint",
                "t-incident:1", "serious-incident"));
  }

  private static Map<String, Object> row(Object... namesAndValues) {
    Map<String, Object> row = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row;
  }

  @SafeVarargs
  private static ManagementService table(Map<String, Object>... rows) {
    ManagementService management = mock(ManagementService.class, RETURNS_DEEP_STUBS);
    when(management.getTableName(ProcessDefinition.class)).thenReturn("ACT_RE_PROCDEF");
    when(management
            .createTablePageQuery()
            .tableName("ACT_RE_PROCDEF")
            .listPage(0, Integer.MAX_VALUE)
            .getRows())
        .thenReturn(List.of(rows));
    return management;
  }
}
