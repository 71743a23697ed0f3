/**
 * Report renderers: a compliance report (the JSON document of DESIGN §6, read as a
 * {@link dev.ctpat.compliance.report.ReportDocument}) written as Markdown, a self-contained HTML
 * page, SARIF 2.1.0, JUnit XML or OSCAL assessment results.
 * {@link dev.ctpat.compliance.report.ReportFormats} lists them by format name.
 *
 * <p>Every renderer is deterministic (the same report gives the same bytes; timestamps come
 * from the report's as-of date, never the clock) and records what the result rests on: as-of
 * date, engine and version, policy-pack digest and evidence-file digests. This package reads
 * reports only; it never evaluates policies.
 */
package dev.ctpat.compliance.report;
