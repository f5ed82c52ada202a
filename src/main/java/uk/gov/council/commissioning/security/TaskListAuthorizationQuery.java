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
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

  private static final String FRAGMENT_START = "<sql id=\"selectTaskByQueryCriteriaSql\">";

  static final String ENGINE_VARIABLE_MAPPING =
      "org/camunda/bpm/engine/impl/mapping/entity/VariableInstance.xml";
  static final String ENGINE_VARIABLE_NAMESPACE =
      "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity";
  static final String VARIABLE_NAMESPACE = NAMESPACE + ".Variables";
  static final List<String> VARIABLE_STATEMENTS =
      List.of(
          "selectVariableInstanceByQueryCriteria", "selectVariableInstanceCountByQueryCriteria");
  private static final String VARIABLE_FRAGMENT_START =
      "<sql id=\"selectVariableInstanceByQueryCriteriaSql\">";

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
   * rows the engine's join matches. Case tasks pass as in the engine's check.
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
                OR D.KEY_ IN (SELECT A.RESOURCE_ID_ <include refid="grants" />)
                OR EXISTS (SELECT 1 <include refid="grants" /> AND A.RESOURCE_ID_ = RES.ID_)
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
    register(mybatis, rewrite(engineMapping()), NAMESPACE);
    register(mybatis, rewriteVariables(engineVariableMapping()), VARIABLE_NAMESPACE);
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

  /**
   * A mapper with the engine's two task query statements and their shared fragment, the join
   * removed and the check replaced; stops when either is not found exactly once.
   */
  static String rewrite(String engine) {
    if (!engine.contains("<mapper namespace=\"" + ENGINE_NAMESPACE + "\">")) {
      throw unexpected("its namespace");
    }
    String fragment = element(engine, FRAGMENT_START, "</sql>");
    fragment = replaceOnce(fragment, ENGINE_JOIN, "", "the authorization join");
    fragment = replaceOnce(fragment, ENGINE_CHECK, CHECK, "the authorization check");
    StringBuilder mapper = new StringBuilder(HEADER);
    mapper.append("<mapper namespace=\"").append(NAMESPACE).append("\">\n");
    for (String statement : STATEMENTS) {
      String select = element(engine, "<select id=\"" + statement + "\" ", "</select>");
      // The statements' other references are the engine's own.
      select =
          select
              .replace(
                  "resultMap=\"taskResultMap\"",
                  "resultMap=\"" + ENGINE_NAMESPACE + ".taskResultMap\"")
              .replace(
                  "refid=\"columnSelection\"",
                  "refid=\"" + ENGINE_NAMESPACE + ".columnSelection\"");
      mapper.append(select).append('\n');
    }
    mapper.append(fragment).append('\n').append(GRANTS).append("</mapper>\n");
    return mapper.toString();
  }

  /**
   * A mapper with the engine's two variable query statements and their fragment, the join removed
   * and the check replaced; stops when either is not found exactly once.
   */
  static String rewriteVariables(String engine) {
    if (!engine.contains("<mapper namespace=\"" + ENGINE_VARIABLE_NAMESPACE + "\">")) {
      throw unexpected(ENGINE_VARIABLE_MAPPING, "its namespace");
    }
    String fragment = element(engine, VARIABLE_FRAGMENT_START, "</sql>", ENGINE_VARIABLE_MAPPING);
    fragment =
        replaceOnce(
            fragment,
            ENGINE_VARIABLE_JOIN,
            "",
            ENGINE_VARIABLE_MAPPING,
            "the variable authorization join");
    fragment =
        replaceOnce(
            fragment,
            ENGINE_VARIABLE_CHECK,
            VARIABLE_CHECK,
            ENGINE_VARIABLE_MAPPING,
            "the variable authorization check");
    fragment =
        fragment.replace(
            "refid=\"actInstIdColumn\"",
            "refid=\"" + ENGINE_VARIABLE_NAMESPACE + ".actInstIdColumn\"");
    StringBuilder mapper = new StringBuilder(HEADER);
    mapper.append("<mapper namespace=\"").append(VARIABLE_NAMESPACE).append("\">\n");
    for (String statement : VARIABLE_STATEMENTS) {
      String select =
          element(engine, "<select id=\"" + statement + "\" ", "</select>", ENGINE_VARIABLE_MAPPING)
              .replace(
                  "resultMap=\"variableInstanceResultMap\"",
                  "resultMap=\"" + ENGINE_VARIABLE_NAMESPACE + ".variableInstanceResultMap\"");
      mapper.append(select).append('\n');
    }
    mapper.append(fragment).append('\n').append(GRANTS).append("</mapper>\n");
    return mapper.toString();
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

  private static String element(String text, String start, String end) {
    return element(text, start, end, ENGINE_MAPPING);
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
  private static String replaceOnce(String text, String part, String replacement, String what) {
    return replaceOnce(text, part, replacement, ENGINE_MAPPING, what);
  }

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

  private static ProcessEngineException unexpected(String what) {
    return unexpected(ENGINE_MAPPING, what);
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
