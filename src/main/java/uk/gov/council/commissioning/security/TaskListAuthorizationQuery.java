package uk.gov.council.commissioning.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's task query (Tasklist's lists and counts, {@code /engine-rest/task}) with its
 * authorization check as sub-queries instead of a join. The engine joins every task to every
 * authorization row of the user's groups on {@code RESOURCE_ID_ IN (task id, definition key, '*')},
 * which a database can neither hash nor look up by index: a team's list costs its tasks times its
 * per-task rows, 7.5 seconds at 5,000 tasks. Here the same rows are asked for as three sub-queries,
 * one per resource id (any, the definition's key, the task's own), which the database answers once,
 * by a hash, and by the index on the resource id; a task passes on exactly the rows that let it
 * pass before (docs/performance.md). The variable query Tasklist sends for the listed tasks'
 * columns joins its variables the same way (on the process instance, its execution, the
 * definition's key, the task and any resource) and is rewritten the same way. The engine's list of
 * the groups holding any authorization, asked in every such command, is read by index instead of by
 * scanning every row.
 *
 * <p>The plugin reads the engine's own mapping of the task query, replaces the join and its check
 * and registers the result under the same statement names: an engine whose mapping is not exactly
 * as expected stops the start, so an upgrade cannot change what is checked unnoticed. It applies on
 * H2 and PostgreSQL, the databases the application runs on and is tested on; with revoke
 * authorizations in force the engine's own check is kept.
 */
@Component
class TaskListAuthorizationQuery extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(TaskListAuthorizationQuery.class);

  static final String ENGINE_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  static final String ENGINE_NAMESPACE =
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
  static final String NAMESPACE = TaskListAuthorizationQuery.class.getName();
  static final List<String> STATEMENTS =
      List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");
  private static final Set<String> DATABASES = Set.of("h2", "postgres");

  static final String ENGINE_VARIABLE_MAPPING =
      "org/camunda/bpm/engine/impl/mapping/entity/VariableInstance.xml";
  static final String ENGINE_VARIABLE_NAMESPACE =
      "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity";
  static final String VARIABLE_NAMESPACE = NAMESPACE + ".Variables";
  static final List<String> VARIABLE_STATEMENTS =
      List.of(
          "selectVariableInstanceByQueryCriteria", "selectVariableInstanceCountByQueryCriteria");

  /** The engine's join of the tasks to the user's authorization rows (compared word by word). */
  static final String ENGINE_JOIN =
      """
      <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
        <if test="!authCheck.revokeAuthorizationCheckEnabled">
          <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />
          AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})
        </if>
      </if>
      """;

  /** The engine's condition on the joined rows. */
  static final String ENGINE_CHECK =
      "<include"
          + " refid=\"org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck\""
          + " />";

  /**
   * A task passes when one of the user's or its groups' grants (or a global one) with the
   * permissions asked for names any resource, the task's definition key or the task itself: the
   * rows the engine's join matches. Case tasks pass as in the engine's check. The grants on
   * definition keys are read once, by the index on the resource id for each of the few definitions'
   * keys, not among all of the user's rows (a team has one row per task given to it); the grant on
   * the task itself is looked up by the same index, and in a list (where the database stops after
   * the page) {@code OFFSET 0 ROWS} keeps it a look-up per listed task instead of a hash of all of
   * the user's rows; a count, which reads every task, keeps the hash.
   */
  private static final String CHECK =
      """
          <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
            <choose>
              <when test="authCheck.revokeAuthorizationCheckEnabled">
                <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />
              </when>
              <otherwise>
                <bind name="authGroupIds" value="authCheck.authGroupIds" />
                <bind name="atomicChecks" value="authCheck.permissionChecks.atomicChecks" />
                <bind name="disjunctive" value="authCheck.permissionChecks.disjunctive" />
                and (
                <if test="applyAuthorizationCheckForCaseInstances">
                  (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR
                </if>
                EXISTS (SELECT 1 <include refid="grants" /> AND A.RESOURCE_ID_ = '*')
                OR D.KEY_ IN (SELECT A.RESOURCE_ID_ <include refid="grants" />
                  AND A.RESOURCE_ID_ IN (SELECT P.KEY_ FROM ${prefix}ACT_RE_PROCDEF P))
                OR EXISTS (SELECT 1 <include refid="grants" /> AND A.RESOURCE_ID_ = RES.ID_
                  <if test="taskGrantPerTask">OFFSET 0 ROWS</if>)
                )
              </otherwise>
            </choose>
          </if>
      """;

  /**
   * The variable query's join (Tasklist's columns for the listed tasks, {@code
   * /engine-rest/variable-instance}): every variable to every row of the user's groups on its
   * process instance, the instance's execution, the definition's key, its task or any resource.
   */
  static final String ENGINE_VARIABLE_JOIN =
      """
      <if test="!authCheck.revokeAuthorizationCheckEnabled">
        <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />
        AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart}
          RES.PROC_INST_ID_
          ${authJoinSeparator} PROC_EXECUTION.ID_
          ${authJoinSeparator} PROCDEF.KEY_
          ${authJoinSeparator} RES.TASK_ID_
          ${authJoinSeparator} '*'
          ${authJoinEnd}
        )
      </if>
      """;

  /** A variable passes when a grant names one of the resource ids the engine's join compares. */
  private static final String VARIABLE_CHECK =
      """
          <bind name="applyAuthorizationCheckForCaseInstances" value="true" />
          <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
            <choose>
              <when test="authCheck.revokeAuthorizationCheckEnabled">
                <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />
              </when>
              <otherwise>
                <bind name="authGroupIds" value="authCheck.authGroupIds" />
                <bind name="atomicChecks" value="authCheck.permissionChecks.atomicChecks" />
                <bind name="disjunctive" value="authCheck.permissionChecks.disjunctive" />
                and (
                (RES.CASE_EXECUTION_ID_ IS NOT NULL)
                OR EXISTS (SELECT 1 <include refid="grants" /> AND A.RESOURCE_ID_ = '*')
                OR EXISTS (SELECT 1 <include refid="grants" /> AND A.RESOURCE_ID_ = RES.PROC_INST_ID_)
                OR EXISTS (SELECT 1 <include refid="grants" /> AND A.RESOURCE_ID_ = PROC_EXECUTION.ID_)
                OR EXISTS (SELECT 1 <include refid="grants" /> AND A.RESOURCE_ID_ = PROCDEF.KEY_)
                OR EXISTS (SELECT 1 <include refid="grants" /> AND A.RESOURCE_ID_ = RES.TASK_ID_)
                )
              </otherwise>
            </choose>
          </if>
      """;

  /** The engine's condition on the variable query's joined rows, for all but case variables. */
  static final String ENGINE_VARIABLE_CHECK =
      "<bind name=\"applyAuthorizationCheckForCaseInstances\" value=\"true\" />\n" + ENGINE_CHECK;

  static final String ENGINE_AUTHORIZATION_MAPPING =
      "org/camunda/bpm/engine/impl/mapping/entity/Authorization.xml";
  static final String GROUPS_NAMESPACE = NAMESPACE + ".Groups";
  static final String GROUPS_STATEMENT = "selectAuthorizedGroupIds";

  /**
   * The groups that hold any authorization, which the engine asks in every command that checks
   * authorizations (to drop the user's groups that hold none): a scan of the whole table.
   */
  static final String ENGINE_GROUPS =
      """
      <select id="selectAuthorizedGroupIds" resultType="string">
        SELECT distinct(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A
      </select>
      """;

  /**
   * The same groups read from the index on the group id, one step per group (a skip scan), and the
   * null group when a row has none, as {@code DISTINCT} answers it.
   */
  private static final String GROUPS =
      """
      <select id="selectAuthorizedGroupIds" resultType="string">
        WITH RECURSIVE G (ID) AS (
          SELECT MIN(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A
          UNION ALL
          SELECT (SELECT MIN(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ &gt; G.ID)
          FROM G WHERE G.ID IS NOT NULL
        )
        SELECT ID FROM G WHERE ID IS NOT NULL
        UNION ALL
        SELECT NULL WHERE EXISTS (SELECT 1 FROM ${prefix}ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ IS NULL)
      </select>
      """;

  private static final String HEADER =
      """
      <?xml version="1.0" encoding="UTF-8" ?>
      <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
      """;

  /** The rows the engine's join takes (its authCheckJoinWithoutOnClauseWithBinding). */
  private static final String GRANTS =
      """
        <sql id="grants">
          FROM ${prefix}ACT_RU_AUTHORIZATION A
          WHERE A.TYPE_ &lt; 2
          AND ( A.USER_ID_ in ( #{authCheck.authUserId, jdbcType=VARCHAR}, '*')
          <if test="authGroupIds != null &amp;&amp; authGroupIds.size > 0">
            OR A.GROUP_ID_ IN <foreach item="item" index="index" collection="authGroupIds" open="(" separator="," close=")">#{item}</foreach>
          </if>
          )
          <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.atomicChecksOnResourceTypeAndPerms" />
        </sql>
      """;

  /**
   * How the task statements are made, decided before their select: the identity links asked about
   * in one place only are asked by {@code EXISTS} instead of a join, and {@code DISTINCT} is kept
   * only where a join can still repeat a task (identity links asked about in more than one place,
   * which must then be one and the same link, or a sort by a related table's column).
   */
  private static final String FLAGS =
      """
        <sql id="flags">
          <bind name="identityLinkUses" value="0" />
          <foreach collection="queries" item="flagQuery">
            <if test="flagQuery != null &amp;&amp; (flagQuery.candidateUser != null || flagQuery.candidateGroups != null || flagQuery.candidateGroupLike != null || flagQuery.withCandidateGroups || flagQuery.withCandidateUsers)">
              <bind name="identityLinkUses" value="identityLinkUses + 1" />
            </if>
            <if test="flagQuery != null &amp;&amp; flagQuery.involvedUser != null">
              <bind name="identityLinkUses" value="identityLinkUses + 1" />
            </if>
          </foreach>
          <bind name="identityLinkExists" value="identityLinkUses == 1" />
          <bind name="keepDistinct" value="identityLinkUses > 1" />
          <foreach collection="orderingProperties" item="flagOrdering">
            <if test="flagOrdering.relation != null">
              <bind name="keepDistinct" value="true" />
            </if>
          </foreach>
        </sql>
      """;

  private static final String LIST_SELECT =
      """
      <include refid="flags" />
      <bind name="taskGrantPerTask" value="true" />
      select <if test="keepDistinct">${distinct}</if>
      """;

  private static final String COUNT_SELECT =
      """
      <include refid="flags" />
      <bind name="taskGrantPerTask" value="false" />
      <choose>
        <when test="keepDistinct">${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}</when>
        <otherwise>select count(RES.ID_)</otherwise>
      </choose>
      """;

  static final String ENGINE_IDENTITY_LINK_JOIN =
      "left join ${prefix}ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_";

  private static final String IDENTITY_LINK_JOIN =
      "<if test=\"!identityLinkExists\">" + ENGINE_IDENTITY_LINK_JOIN + "</if>";

  private static final String IDENTITY_LINK_EXISTS =
      "EXISTS (SELECT 1 FROM ${prefix}ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_";

  /** The start of the candidate condition on the joined identity link. */
  static final String ENGINE_CANDIDATE_START = "and I.TYPE_ = 'candidate'";

  private static final String CANDIDATE_START =
      "<if test=\"identityLinkExists\">and "
          + IDENTITY_LINK_EXISTS
          + "</if>\n"
          + ENGINE_CANDIDATE_START;

  /** The end of the candidate condition (the last of its parts and its closing). */
  static final String ENGINE_CANDIDATE_END =
      """
      <if test="query.withCandidateUsers">
        and I.USER_ID_ is not null
      </if>
      </trim>
      """;

  private static final String CANDIDATE_END =
      """
      <if test="query.withCandidateUsers">
        and I.USER_ID_ is not null
      </if>
      <if test="identityLinkExists">)</if>
      </trim>
      """;

  /** The involved user's condition: a link of the user, or the task's assignee or owner. */
  static final String ENGINE_INVOLVED_USER = "(I.USER_ID_ = #{query.involvedUser} or";

  private static final String INVOLVED_USER =
      "(<choose><when test=\"identityLinkExists\">"
          + IDENTITY_LINK_EXISTS
          + " AND I.USER_ID_ = #{query.involvedUser})</when>"
          + "<otherwise>I.USER_ID_ = #{query.involvedUser}</otherwise></choose> or";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    String databaseType = configuration.getDatabaseType();
    if (!DATABASES.contains(databaseType)) {
      log.warn(
          "The task query keeps the engine's authorization join on database {}: the rewritten"
              + " query is made and tested for H2 and PostgreSQL only",
          databaseType);
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    register(mybatis, rewrite(TASKS, engineMapping()), NAMESPACE);
    register(mybatis, rewrite(VARIABLES, engineVariableMapping()), VARIABLE_NAMESPACE);
    register(mybatis, rewriteGroups(engineAuthorizationMapping()), GROUPS_NAMESPACE);
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    // The engine's mappings for a database type are shared by every engine in the JVM: copy them.
    Map<String, String> mappings =
        sessions.getStatementMappings() == null
            ? new HashMap<>()
            : new HashMap<>(sessions.getStatementMappings());
    map(mappings, STATEMENTS, NAMESPACE, databaseType);
    map(mappings, VARIABLE_STATEMENTS, VARIABLE_NAMESPACE, databaseType);
    map(mappings, List.of(GROUPS_STATEMENT), GROUPS_NAMESPACE, databaseType);
    sessions.setStatementMappings(mappings);
  }

  /**
   * Checks, once the engine is built, that its task statements are the rewritten ones and have the
   * shape they were made for, as they come out for Tasklist's "My group tasks" of a user with
   * authorizations checked; and creates the task list's indexes on PostgreSQL.
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!DATABASES.contains(configuration.getDatabaseType())) {
      return;
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    for (String statement : STATEMENTS) {
      if (!(NAMESPACE + "." + statement).equals(sessions.mapStatement(statement))) {
        throw notApplied(statement + " is not mapped to the rewritten statement");
      }
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    String[] sql =
        configuration
            .getCommandExecutorTxRequired()
            .execute(
                context -> {
                  TaskQueryImpl query = groupTasksQuery();
                  return new String[] {
                    statementSql(mybatis, NAMESPACE + ".selectTaskByQueryCriteria", query),
                    statementSql(mybatis, NAMESPACE + ".selectTaskCountByQueryCriteria", query)
                  };
                });
    checkShape(sql[0], sql[1], configuration.getDatabaseTablePrefix());
    if ("postgres".equals(configuration.getDatabaseType())) {
      EngineIndexes.create(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
    }
  }

  /** Tasklist's "My group tasks" for a user of one group, as the engine checks it. */
  private static TaskQueryImpl groupTasksQuery() {
    TaskQueryImpl query = new TaskQueryImpl();
    query.taskCandidateGroupIn(List.of("group")).includeAssignedTasks();
    query.orderByTaskCreateTime().desc();
    AuthorizationCheck check = query.getAuthCheck();
    check.setAuthorizationCheckEnabled(true);
    check.setShouldPerformAuthorizatioCheck(true);
    check.setRevokeAuthorizationCheckEnabled(false);
    check.setAuthUserId("user");
    check.setAuthGroupIds(List.of("group"));
    check.setPermissionChecks(
        new PermissionCheckBuilder()
            .disjunctive()
            .atomicCheck(Resources.TASK, "RES.ID_", Permissions.READ)
            .atomicCheck(
                Resources.PROCESS_DEFINITION, "D.KEY_", ProcessDefinitionPermissions.READ_TASK)
            .build());
    return query;
  }

  private static String statementSql(Configuration mybatis, String statement, Object parameter) {
    return mybatis.getMappedStatement(statement).getBoundSql(parameter).getSql();
  }

  /**
   * Stops the start unless the list and count are the shape measured in docs/performance.md: no
   * authorization join, the identity link asked by {@code EXISTS}, no {@code DISTINCT}, the
   * definition keys' grants read from the definitions' keys, and the task's own grant looked up per
   * listed task in the list only.
   */
  static void checkShape(String list, String count, String prefix) {
    String listSql = list.replaceAll("\\s+", " ").trim();
    String countSql = count.replaceAll("\\s+", " ").trim();
    String links =
        "EXISTS (SELECT 1 FROM "
            + prefix
            + "ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate'";
    String keys =
        "D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM " + prefix + "ACT_RU_AUTHORIZATION A WHERE";
    String keysFromDefinitions =
        "AND A.RESOURCE_ID_ IN (SELECT P.KEY_ FROM " + prefix + "ACT_RE_PROCDEF P))";
    String taskGrant = "AND A.RESOURCE_ID_ = RES.ID_";
    for (String[] statement :
        List.of(new String[] {"list", listSql}, new String[] {"count", countSql})) {
      String name = statement[0];
      String sql = statement[1];
      expect(sql.contains(links), name, "the identity link is not asked by EXISTS");
      expect(!sql.contains("ACT_RU_IDENTITYLINK I on"), name, "the identity link is joined");
      expect(!sql.matches("(?is).*\\bdistinct\\b.*"), name, "it has DISTINCT");
      expect(!sql.matches("(?s).*\\bAUTH\\b.*"), name, "it joins the authorizations");
      expect(sql.contains(keys), name, "the definition keys' grants are not read once");
      expect(sql.contains(keysFromDefinitions), name, "the grants are not read by definition key");
    }
    expect(
        listSql.contains(taskGrant + " OFFSET 0 ROWS)"),
        "list",
        "the task's own grant is not looked up per listed task");
    expect(
        countSql.contains(taskGrant + " )") || countSql.contains(taskGrant + ")"),
        "count",
        "the task's own grant is not asked once for all tasks");
    expect(
        countSql.startsWith("select count(RES.ID_) from"), "count", "it does not count the tasks");
  }

  private static void expect(boolean holds, String statement, String problem) {
    if (!holds) {
      throw notApplied("the task " + statement + " statement is not as expected: " + problem);
    }
  }

  private static ProcessEngineException notApplied(String what) {
    return new ProcessEngineException(
        "The task list's authorization query was not applied as made ("
            + what
            + "): check the rewrite in "
            + NAMESPACE
            + " against the engine's mapping");
  }

  private static void register(Configuration mybatis, String mapper, String namespace) {
    new XMLMapperBuilder(
            new ByteArrayInputStream(mapper.getBytes(StandardCharsets.UTF_8)),
            mybatis,
            namespace,
            mybatis.getSqlFragments())
        .parse();
  }

  private static void map(
      Map<String, String> mappings, List<String> statements, String namespace, String database) {
    for (String statement : statements) {
      if (mappings.containsKey(statement)) {
        throw new ProcessEngineException(
            "The engine maps " + statement + " for " + database + " itself: not rewritten");
      }
      mappings.put(statement, namespace + "." + statement);
    }
  }

  static String engineMapping() {
    return resource(ENGINE_MAPPING);
  }

  static String engineVariableMapping() {
    return resource(ENGINE_VARIABLE_MAPPING);
  }

  private static String resource(String name) {
    try (InputStream in =
        ProcessEngineConfigurationImpl.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new ProcessEngineException("The engine has no mapping " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProcessEngineException("Cannot read " + name, e);
    }
  }

  /** One change to the engine's mapping: where, what (word for word), by what, and its name. */
  record Replacement(String where, String engine, String ours, String what) {}

  /**
   * A rewrite of one of the engine's query mappings: its namespace, the statements taken over and
   * the fragment they share, the changes, the engine's ids they refer to and the elements added.
   */
  record Rewrite(
      String mapping,
      String engineNamespace,
      String namespace,
      List<String> statements,
      String fragment,
      List<Replacement> replacements,
      List<String> engineReferences,
      String added) {}

  /** Where a replacement applies: the shared fragment, or one of the statements by its id. */
  static final String FRAGMENT = "fragment";

  static final Rewrite TASKS =
      new Rewrite(
          ENGINE_MAPPING,
          ENGINE_NAMESPACE,
          NAMESPACE,
          STATEMENTS,
          "selectTaskByQueryCriteriaSql",
          List.of(
              new Replacement(
                  "selectTaskByQueryCriteria",
                  "select ${distinct}",
                  LIST_SELECT,
                  "the list's select"),
              new Replacement(
                  "selectTaskCountByQueryCriteria",
                  "${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}",
                  COUNT_SELECT,
                  "the count's select"),
              new Replacement(
                  "selectTaskCountByQueryCriteria",
                  "${countDistinctAfterEnd}",
                  "<if test=\"keepDistinct\">${countDistinctAfterEnd}</if>",
                  "the count's end"),
              new Replacement(FRAGMENT, ENGINE_JOIN, "", "the authorization join"),
              new Replacement(FRAGMENT, ENGINE_CHECK, CHECK, "the authorization check"),
              new Replacement(
                  FRAGMENT,
                  ENGINE_IDENTITY_LINK_JOIN,
                  IDENTITY_LINK_JOIN,
                  "the identity link join"),
              new Replacement(
                  FRAGMENT,
                  ENGINE_CANDIDATE_START,
                  CANDIDATE_START,
                  "the candidate condition's start"),
              new Replacement(
                  FRAGMENT, ENGINE_CANDIDATE_END, CANDIDATE_END, "the candidate condition's end"),
              new Replacement(
                  FRAGMENT, ENGINE_INVOLVED_USER, INVOLVED_USER, "the involved user condition")),
          List.of("taskResultMap", "columnSelection"),
          GRANTS + FLAGS);

  static final Rewrite VARIABLES =
      new Rewrite(
          ENGINE_VARIABLE_MAPPING,
          ENGINE_VARIABLE_NAMESPACE,
          VARIABLE_NAMESPACE,
          VARIABLE_STATEMENTS,
          "selectVariableInstanceByQueryCriteriaSql",
          List.of(
              new Replacement(
                  FRAGMENT, ENGINE_VARIABLE_JOIN, "", "the variable authorization join"),
              new Replacement(
                  FRAGMENT,
                  ENGINE_VARIABLE_CHECK,
                  VARIABLE_CHECK,
                  "the variable authorization check")),
          List.of("variableInstanceResultMap", "actInstIdColumn"),
          GRANTS);

  /**
   * A mapper with the engine's statements of {@code rewrite} and their shared fragment, changed as
   * it says; stops when the namespace, a statement, the fragment or a replaced part is not found
   * exactly once.
   */
  static String rewrite(Rewrite rewrite, String engine) {
    if (!engine.contains("<mapper namespace=\"" + rewrite.engineNamespace() + "\">")) {
      throw unexpected(rewrite.mapping(), "its namespace");
    }
    StringBuilder mapper = new StringBuilder(HEADER);
    mapper.append("<mapper namespace=\"").append(rewrite.namespace()).append("\">\n");
    for (String statement : rewrite.statements()) {
      String select =
          element(engine, "<select id=\"" + statement + "\" ", "</select>", rewrite.mapping());
      mapper.append(changed(rewrite, statement, select)).append('\n');
    }
    String fragment =
        element(engine, "<sql id=\"" + rewrite.fragment() + "\">", "</sql>", rewrite.mapping());
    mapper.append(changed(rewrite, FRAGMENT, fragment)).append('\n');
    return mapper.append(rewrite.added()).append("</mapper>\n").toString();
  }

  /** One element with its replacements made and the engine's own ids qualified. */
  private static String changed(Rewrite rewrite, String where, String element) {
    for (Replacement replacement : rewrite.replacements()) {
      if (replacement.where().equals(where)) {
        element =
            replaceOnce(
                element,
                replacement.engine(),
                replacement.ours(),
                rewrite.mapping(),
                replacement.what());
      }
    }
    for (String id : rewrite.engineReferences()) {
      element =
          element
              .replace(
                  "resultMap=\"" + id + "\"",
                  "resultMap=\"" + rewrite.engineNamespace() + "." + id + "\"")
              .replace(
                  "refid=\"" + id + "\"", "refid=\"" + rewrite.engineNamespace() + "." + id + "\"");
    }
    return element;
  }

  /** A mapper with the groups statement read by index; stops when the engine's differs. */
  static String rewriteGroups(String engine) {
    replaceOnce(
        engine, ENGINE_GROUPS, "", ENGINE_AUTHORIZATION_MAPPING, "the authorized groups query");
    return HEADER + "<mapper namespace=\"" + GROUPS_NAMESPACE + "\">\n" + GROUPS + "</mapper>\n";
  }

  static String engineAuthorizationMapping() {
    return resource(ENGINE_AUTHORIZATION_MAPPING);
  }

  private static String element(String text, String start, String end, String mapping) {
    int from = text.indexOf(start);
    if (from < 0 || text.indexOf(start, from + 1) >= 0) {
      throw unexpected(mapping, start);
    }
    int to = text.indexOf(end, from);
    if (to < 0) {
      throw unexpected(mapping, start + " … " + end);
    }
    return text.substring(from, to + end.length());
  }

  /** Replaces the one place where the words of {@code part} stand, however they are spaced. */
  private static String replaceOnce(
      String text, String part, String replacement, String mapping, String what) {
    String[] words = part.trim().split("\\s+");
    StringBuilder pattern = new StringBuilder();
    for (String word : words) {
      pattern.append(pattern.isEmpty() ? "" : "\\s+").append(Pattern.quote(word));
    }
    Matcher matcher = Pattern.compile(pattern.toString()).matcher(text);
    if (!matcher.find()) {
      throw unexpected(mapping, what);
    }
    int start = matcher.start();
    int end = matcher.end();
    if (matcher.find()) {
      throw unexpected(mapping, what);
    }
    return text.substring(0, start) + replacement + text.substring(end);
  }

  private static ProcessEngineException unexpected(String mapping, String what) {
    return new ProcessEngineException(
        "The engine's query mapping ("
            + mapping
            + ") is not the one the task list's authorization query was made for ("
            + what
            + " differs): check the rewrite in "
            + NAMESPACE
            + " against the engine's new mapping");
  }
}
