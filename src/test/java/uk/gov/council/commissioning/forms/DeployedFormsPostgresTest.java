package uk.gov.council.commissioning.forms;

import uk.gov.council.commissioning.testkit.PostgresProcessTest;

/** The start forms' look-up on PostgreSQL. */
@PostgresProcessTest
class DeployedFormsPostgresTest extends DeployedFormsContract {}
