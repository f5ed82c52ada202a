package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.testkit.ProcessTest;

/** The rewritten task query on H2, and the start refused when the engine's mapping differs. */
@ProcessTest
class TaskListAuthorizationQueryTest extends TaskListAuthorizationQueryContract {

  @Test
  void theJoinIsGoneAndTheCheckIsThreeSubQueries() {
    String mapper =
        TaskListAuthorizationQuery.rewrite(
            TaskListAuthorizationQuery.TASKS, TaskListAuthorizationQuery.engineMapping());
    assertThat(mapper).doesNotContain("AUTH ON").doesNotContain("authCheckJoinWithoutOnClause");
    assertThat(mapper).contains("OR D.KEY_ IN (SELECT A.RESOURCE_ID_");
  }

  @Test
  void aChangedJoinStopsTheStart() {
    assertChangeStopsTheStart(
        TaskListAuthorizationQuery.engineMapping(),
        "D.KEY_ ${authJoinSeparator} '*'",
        "D.KEY_ ${authJoinSeparator} RES.PROC_INST_ID_ ${authJoinSeparator} '*'",
        engine -> TaskListAuthorizationQuery.rewrite(TaskListAuthorizationQuery.TASKS, engine),
        "the authorization join differs");
  }

  @Test
  void aChangedCheckStopsTheStart() {
    assertChangeStopsTheStart(
        TaskListAuthorizationQuery.engineMapping(),
        "AuthorizationEntity.contextualAuthorizationCheck\" />",
        "AuthorizationEntity.otherCheck\" />",
        engine -> TaskListAuthorizationQuery.rewrite(TaskListAuthorizationQuery.TASKS, engine),
        "the authorization check differs");
  }

  @Test
  void theVariableJoinIsGoneAndTheCheckIsFiveSubQueries() {
    String mapper =
        TaskListAuthorizationQuery.rewrite(
            TaskListAuthorizationQuery.VARIABLES,
            TaskListAuthorizationQuery.engineVariableMapping());
    assertThat(mapper).doesNotContain("AUTH ON").doesNotContain("authCheckJoinWithoutOnClause");
    assertThat(mapper).contains("A.RESOURCE_ID_ = PROCDEF.KEY_)", "A.RESOURCE_ID_ = RES.TASK_ID_)");
  }

  @Test
  void aChangedVariableJoinStopsTheStart() {
    assertChangeStopsTheStart(
        TaskListAuthorizationQuery.engineVariableMapping(),
        "${authJoinSeparator} RES.TASK_ID_",
        "",
        engine -> TaskListAuthorizationQuery.rewrite(TaskListAuthorizationQuery.VARIABLES, engine),
        "the variable authorization join differs");
  }

  @Test
  void aChangedVariableCheckStopsTheStart() {
    assertChangeStopsTheStart(
        TaskListAuthorizationQuery.engineVariableMapping(),
        "<bind name=\"applyAuthorizationCheckForCaseInstances\" value=\"true\" />",
        "<bind name=\"applyAuthorizationCheckForCaseInstances\" value=\"false\" />",
        engine -> TaskListAuthorizationQuery.rewrite(TaskListAuthorizationQuery.VARIABLES, engine),
        "the variable authorization check differs");
  }

  @Test
  void aChangedGroupsQueryStopsTheStart() {
    assertChangeStopsTheStart(
        TaskListAuthorizationQuery.engineAuthorizationMapping(),
        "SELECT distinct(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A",
        "SELECT distinct(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2",
        TaskListAuthorizationQuery::rewriteGroups,
        "the authorized groups query differs");
  }

  @Test
  void theStatementsAsTasklistGetsThemHaveTheShapeMeasured() {
    String list =
        "select RES.ID_ from ACT_RU_TASK RES left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_"
            + " WHERE EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_"
            + " and I.TYPE_ = 'candidate' and I.GROUP_ID_ IN (?))"
            + " and ( D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2"
            + " AND A.RESOURCE_ID_ IN (SELECT P.KEY_ FROM ACT_RE_PROCDEF P))"
            + " OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2"
            + " AND A.RESOURCE_ID_ = RES.ID_ OFFSET 0 ROWS) )";
    String count =
        list.replace("select RES.ID_", "select count(RES.ID_)").replace(" OFFSET 0 ROWS", "");
    TaskListAuthorizationQuery.checkShape(list, count, "");
    assertRefused(list.replace("select RES.ID_", "select distinct RES.ID_"), count, "DISTINCT");
    assertRefused(
        list,
        "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_"
            + count.substring("select count(RES.ID_)".length())
            + ") countDistinct",
        "DISTINCT");
    assertRefused(
        list.replace(
            "WHERE EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ and",
            "left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE"),
        count,
        "the identity link is not asked by EXISTS");
    assertRefused(list.replace(" OFFSET 0 ROWS", ""), count, "not looked up per listed task");
    assertRefused(list, count.replace("= RES.ID_)", "= RES.ID_ OFFSET 0 ROWS)"), "not asked once");
    assertRefused(
        list.replace(" AND A.RESOURCE_ID_ IN (SELECT P.KEY_ FROM ACT_RE_PROCDEF P)", ""),
        count,
        "not read by definition key");
    assertRefused(
        list
            + " inner join (SELECT A.* FROM ACT_RU_AUTHORIZATION A) AUTH ON (AUTH.RESOURCE_ID_ = RES.ID_)",
        count,
        "joins the authorizations");
  }

  private static void assertRefused(String list, String count, String problem) {
    assertThatThrownBy(() -> TaskListAuthorizationQuery.checkShape(list, count, ""))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("was not applied as made")
        .hasMessageContaining(problem);
  }

  @Test
  void aChangedIdentityLinkJoinStopsTheStart() {
    assertChangeStopsTheStart(
        TaskListAuthorizationQuery.engineMapping(),
        "left join ${prefix}ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_",
        "inner join ${prefix}ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_",
        engine -> TaskListAuthorizationQuery.rewrite(TaskListAuthorizationQuery.TASKS, engine),
        "the identity link join differs");
  }

  @Test
  void aChangedCountStopsTheStart() {
    assertChangeStopsTheStart(
        TaskListAuthorizationQuery.engineMapping(),
        "${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}",
        "${countDistinctBeforeStart} RES.ID_, RES.NAME_ ${countDistinctBeforeEnd}",
        engine -> TaskListAuthorizationQuery.rewrite(TaskListAuthorizationQuery.TASKS, engine),
        "the count's select differs");
  }

  /** The engine's mapping with {@code part} changed is refused, naming what differs. */
  private static void assertChangeStopsTheStart(
      String engine, String part, String changedPart, UnaryOperator<String> rewrite, String what) {
    String changed = engine.replace(part, changedPart);
    assertThat(changed).isNotEqualTo(engine);
    assertThatThrownBy(() -> rewrite.apply(changed))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(what);
  }
}
