/**
 * Decisions as the council's constitution makes them: the decision-route table (who agrees, who
 * decides, whether scrutiny, publication and call-in apply) and the key-decision sub-process that
 * extension, procurement and options appraisal call (seed 000 §2, §10.1-10.7 and front sheet).
 */
package uk.gov.council.commissioning.decisions;
