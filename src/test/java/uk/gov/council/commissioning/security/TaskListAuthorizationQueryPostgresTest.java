package uk.gov.council.commissioning.security;

import uk.gov.council.commissioning.testkit.PostgresProcessTest;

/** The rewritten task query on PostgreSQL answers as the engine's own. */
@PostgresProcessTest
class TaskListAuthorizationQueryPostgresTest extends TaskListAuthorizationQueryContract {}
