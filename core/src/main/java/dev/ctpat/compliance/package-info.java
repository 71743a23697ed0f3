/**
 * The compliance facade: assess normalized evidence against a policy pack and get a typed,
 * immutable report. {@link dev.ctpat.compliance.PolicyPack} loads the policies and reads the
 * {@link dev.ctpat.compliance.Criteria criteria} from their METADATA;
 * {@link dev.ctpat.compliance.Assessor} compiles them once and produces
 * {@link dev.ctpat.compliance.AssessmentReport}s; {@link dev.ctpat.compliance.ReportJson}
 * writes a report in the JSON shape of DESIGN §6 ({@code report.schema.json}).
 *
 * <p>This package uses the Rego engine only through its public API ({@code dev.ctpat.rego.api},
 * {@code loader}, {@code syntax} and {@code value}); it knows no raw evidence format, which is
 * the adapters' business.
 */
package dev.ctpat.compliance;
