package uk.gov.council.commissioning.forms;

import uk.gov.council.commissioning.testkit.ProcessTest;

/** The start forms' look-up on H2. */
@ProcessTest
class DeployedFormsTest extends DeployedFormsContract {}
