/**
 * Options-appraisal decisions (seed 003; seed 000 §4.8): a decision report with its options, the
 * preferred option, the decision maker, a public part and a confidential annex readable only by the
 * roles the report names; the decision through the key-decision sub-process, the resolution
 * recorded and published, and a resolution to procure or to extend starting that case with the
 * report's facts. The annex is kept in the appraisal's own table, never in a process variable.
 */
package uk.gov.council.commissioning.appraisals;
