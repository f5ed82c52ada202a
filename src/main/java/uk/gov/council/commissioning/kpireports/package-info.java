/**
 * Performance indicator reports (seed 001 Part 3.2 §7): the figures the system measures itself from
 * the processes it runs beside the values providers return, each contract's returns quarter by
 * quarter and over a rolling twelve months (§7.1.2), the quarterly management report across
 * providers (§7.1.1) and the KPI breach list. It reads the catalogues through {@code
 * kpis.KpiCatalogues}, the returns from their tables, and the measured figures from {@code
 * compliance} and {@code meetings}; it writes nothing but the demo profile's returns.
 */
package uk.gov.council.commissioning.kpireports;
