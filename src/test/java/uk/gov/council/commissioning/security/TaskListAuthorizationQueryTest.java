package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.testkit.ProcessTest;

/** The rewritten task query on H2, and the start refused when the engine's mapping differs. */
@ProcessTest
class TaskListAuthorizationQueryTest extends TaskListAuthorizationQueryContract {

  @Test
  void theJoinIsGoneAndTheCheckIsThreeSubQueries() {
    String mapper = TaskListAuthorizationQuery.rewrite(TaskListAuthorizationQuery.engineMapping());
    assertThat(mapper).doesNotContain("AUTH ON").doesNotContain("authCheckJoinWithoutOnClause");
    assertThat(mapper).contains("OR D.KEY_ IN (SELECT A.RESOURCE_ID_");
  }

  @Test
  void aChangedJoinStopsTheStart() {
    String engine = TaskListAuthorizationQuery.engineMapping();
    String changed =
        engine.replace(
            "D.KEY_ ${authJoinSeparator} '*'",
            "D.KEY_ ${authJoinSeparator} RES.PROC_INST_ID_ ${authJoinSeparator} '*'");
    assertThat(changed).isNotEqualTo(engine);
    assertThatThrownBy(() -> TaskListAuthorizationQuery.rewrite(changed))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("the authorization join differs");
  }

  @Test
  void aChangedCheckStopsTheStart() {
    String engine = TaskListAuthorizationQuery.engineMapping();
    String changed =
        engine.replace(
            "AuthorizationEntity.contextualAuthorizationCheck\" />",
            "AuthorizationEntity.otherCheck\" />");
    assertThat(changed).isNotEqualTo(engine);
    assertThatThrownBy(() -> TaskListAuthorizationQuery.rewrite(changed))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("the authorization check differs");
  }

  @Test
  void theVariableJoinIsGoneAndTheCheckIsFiveSubQueries() {
    String mapper =
        TaskListAuthorizationQuery.rewriteVariables(
            TaskListAuthorizationQuery.engineVariableMapping());
    assertThat(mapper).doesNotContain("AUTH ON").doesNotContain("authCheckJoinWithoutOnClause");
    assertThat(mapper).contains("A.RESOURCE_ID_ = PROCDEF.KEY_)", "A.RESOURCE_ID_ = RES.TASK_ID_)");
  }

  @Test
  void aChangedVariableJoinStopsTheStart() {
    String engine = TaskListAuthorizationQuery.engineVariableMapping();
    String changed = engine.replace("${authJoinSeparator} RES.TASK_ID_", "");
    assertThat(changed).isNotEqualTo(engine);
    assertThatThrownBy(() -> TaskListAuthorizationQuery.rewriteVariables(changed))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("the variable authorization join differs");
  }

  @Test
  void aChangedVariableCheckStopsTheStart() {
    String engine = TaskListAuthorizationQuery.engineVariableMapping();
    String changed =
        engine.replace(
            "<bind name=\"applyAuthorizationCheckForCaseInstances\" value=\"true\" />",
            "<bind name=\"applyAuthorizationCheckForCaseInstances\" value=\"false\" />");
    assertThat(changed).isNotEqualTo(engine);
    assertThatThrownBy(() -> TaskListAuthorizationQuery.rewriteVariables(changed))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("the variable authorization check differs");
  }

  @Test
  void aChangedGroupsQueryStopsTheStart() {
    String engine = TaskListAuthorizationQuery.engineAuthorizationMapping();
    String changed =
        engine.replace(
            "SELECT distinct(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A",
            "SELECT distinct(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2");
    assertThat(changed).isNotEqualTo(engine);
    assertThatThrownBy(() -> TaskListAuthorizationQuery.rewriteGroups(changed))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("the authorized groups query differs");
  }
}
