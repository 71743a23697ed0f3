/**
 * The normalized evidence document (DESIGN §5): immutable records whose JSON form is exactly
 * the contract of {@code dev/ctpat/compliance/normalized-evidence.schema.json}, which the CTPAT
 * Rego policies read. Adapters produce these records; {@link dev.ctpat.compliance.evidence.EvidenceJson}
 * turns them into JSON and back. Nothing here knows the Rego engine or any raw export format.
 *
 * <p>Conventions fixed here once: days are integers, dates {@link java.time.LocalDate}
 * (YYYY-MM-DD), timestamps {@link java.time.Instant} (RFC 3339 UTC), unknown values are
 * {@code null} and are written as JSON {@code null}. A {@code null} collection means "no
 * evidence" and is omitted; an empty list means "evidence that there are none".
 */
package dev.ctpat.compliance.evidence;
