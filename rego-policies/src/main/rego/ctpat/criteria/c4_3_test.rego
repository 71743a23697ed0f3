package ctpat.criteria.c4_3_test

import rego.v1

import data.ctpat.criteria.c4_3
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c4_3.result with input as doc
}

# The fixture's internal scan (index 0), external scan (1) and penetration test (2).
_test(i, patch) := testing.with_program_item(fx, "security_tests", i, patch)

# A scanner finding of the given severity, open since first_seen.
_vuln(severity, first_seen) := {
	"id": "CVE-2026-0001",
	"severity": severity,
	"target": "TGL-SRV-01",
	"status": "open",
	"first_seen": first_seen,
	"source": testing.src("scans/internal-2026-10-15.nessus", 7),
}

_with_vuln(v) := object.union(fx, {"vulnerabilities": [v]})

test_pass_on_the_compliant_document if {
	r := _result(fx)
	r.status == "pass"
	testing.sub_status(r, "4.3.penetration_test") == "not_applicable"
}

test_fail_when_the_internal_scan_is_too_old if {
	r := _result(_test(0, {"performed_on": "2026-08-01"}))
	testing.failing(r) == {"4.3.internal_scan"}
	testing.mentions(r, "4.3.internal_scan", "118 days before 2026-11-27; at most 90 days are allowed (CIS default, Controls v8 7.5: quarterly)")
}

test_fail_when_the_external_scan_is_too_old if {
	r := _result(_test(1, {"performed_on": "2026-10-01"}))
	testing.failing(r) == {"4.3.external_scan"}
}

test_fail_when_no_external_scan_is_recorded if {
	r := _result(_test(1, {"scope": "internal"}))
	testing.failing(r) == {"4.3.external_scan"}
	testing.mentions(r, "4.3.external_scan", "No external vulnerability scan is recorded.")
}

test_scan_age_threshold_can_be_overridden if {
	doc := object.union(_test(1, {"performed_on": "2026-10-01"}), {"thresholds": {"external_scan_max_age_days": 60}})
	_result(doc).status == "pass"
}

test_penetration_test_is_checked_when_required if {
	doc := object.union(_test(2, {"performed_on": "2025-06-01"}), {"thresholds": {"require_penetration_test": true}})
	r := _result(doc)
	testing.failing(r) == {"4.3.penetration_test"}
	testing.mentions(r, "4.3.penetration_test", "(CIS default, Controls v8 18.2/18.5: annually)")
}

test_fail_when_a_high_finding_is_open_too_long if {
	r := _result(_with_vuln(_vuln("high", "2026-10-15")))
	testing.failing(r) == {"4.3.remediation"}
	testing.mentions(r, "4.3.remediation", "high CVE-2026-0001 on TGL-SRV-01 has been open since 2026-10-15 (43 days); high findings must be fixed within 30 days")
}

test_fail_when_a_critical_finding_is_open_too_long if {
	r := _result(_with_vuln(_vuln("critical", "2026-11-10")))
	testing.failing(r) == {"4.3.remediation"}
	[f] := [g | some g in r.findings; g.sub_item == "4.3.remediation"]
	f.severity == "critical"
}

test_pass_when_an_open_finding_is_within_its_window if {
	_result(_with_vuln(_vuln("medium", "2026-10-15"))).status == "pass"
}

test_informational_findings_have_no_deadline if {
	_result(_with_vuln(_vuln("info", "2020-01-01"))).status == "pass"
}

test_fixed_and_accepted_findings_pass if {
	fixed := object.union(_vuln("critical", "2020-01-01"), {"status": "fixed"})
	accepted := object.union(_vuln("critical", "2020-01-01"), {"status": "accepted"})
	_result(object.union(fx, {"vulnerabilities": [fixed, accepted]})).status == "pass"
}

test_findings_registers_of_tests_are_checked if {
	open_finding := object.union(_vuln("high", "2026-04-14"), {"source": testing.src("ctpat.yaml", 101)})
	r := _result(_test(2, {"findings": [open_finding]}))
	testing.failing(r) == {"4.3.remediation"}
}

test_insufficient_when_an_open_finding_has_no_first_seen_date if {
	r := _result(_with_vuln(_vuln("high", null)))
	testing.lacking(r) == {"4.3.remediation"}
}

test_insufficient_when_a_finding_has_an_unknown_status if {
	r := _result(_with_vuln(object.union(_vuln("high", "2026-11-20"), {"status": "triaged"})))
	testing.lacking(r) == {"4.3.remediation"}
	testing.mentions(r, "4.3.remediation", "unknown status triaged")
}

test_insufficient_evidence_without_security_tests if {
	r := _result(testing.without_program(fx, "security_tests"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.3.internal_scan", "4.3.external_scan"}
	testing.mentions(r, "4.3.internal_scan", "program.security_tests is missing")
}

test_insufficient_evidence_without_any_findings_list if {
	doc := testing.without(_test(0, {"findings": null}), "vulnerabilities")
	r := _result(_without_findings(doc))
	testing.lacking(r) == {"4.3.remediation"}
}

_without_findings(doc) := testing.with_program(doc, "security_tests", [object.remove(t, ["findings"]) | some t in doc.program.security_tests])

test_stale_scanner_export_is_insufficient if {
	doc := testing.collected_on(_with_vuln(_vuln("high", "2026-10-15")), "scans/internal-2026-10-15.nessus", "2026-10-16")
	r := _result(doc)
	r.status == "insufficient_evidence"
	# The scan itself was read from the same export.
	testing.lacking(r) == {"4.3.internal_scan", "4.3.remediation"}
	testing.mentions(r, "4.3.remediation", "stale (at most 30 days allowed for vulnerabilities evidence)")
}

test_waived_open_finding if {
	w := testing.waiver("4.3", "4.3.remediation", "2026-12-31")
	r := _result(testing.waived(_with_vuln(_vuln("high", "2026-10-15")), w))
	r.status == "waived"
	r.waivers == [w]
}

test_waiver_expiring_today_still_applies if {
	w := testing.waiver("4.3", null, "2026-11-27")
	r := _result(testing.waived(_with_vuln(_vuln("high", "2026-10-15")), w))
	r.status == "waived"
}

test_insufficient_when_every_scan_date_is_malformed if {
	r := _result(_test(1, {"performed_on": "last week"}))
	testing.lacking(r) == {"4.3.external_scan"}
	testing.mentions(r, "4.3.external_scan", "The date of every external vulnerability scan is missing or malformed.")
}
