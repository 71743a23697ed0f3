# METADATA
# title: Regular security testing and timely remediation
# description: >-
#   Members that use network systems must test the security of their IT infrastructure
#   regularly (for example with scheduled vulnerability scans, and whenever the network
#   changes), and fix the vulnerabilities they find as soon as feasible.
# custom:
#   criterion: "4.3"
#   requirement: must
#   sub_items:
#     - id: "4.3.internal_scan"
#       title: A recent internal vulnerability scan
#       requirement: must
#     - id: "4.3.external_scan"
#       title: A recent external vulnerability scan
#       requirement: must
#     - id: "4.3.penetration_test"
#       title: A recent penetration test (only when thresholds.require_penetration_test)
#       requirement: should
#     - id: "4.3.remediation"
#       title: Open vulnerabilities are fixed within the window for their severity
#       requirement: must
#   evidence:
#     - program.security_tests
#     - vulnerabilities
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["ID.RA-01", "ID.IM-02", "ID.RA-06"]
#     cis_v8: ["7.1", "7.2", "7.5", "7.6", "7.7", "18.1", "18.2", "18.3", "18.5"]
package ctpat.criteria.c4_3

import rego.v1

import data.ctpat.lib.config
import data.ctpat.lib.criterion
import data.ctpat.lib.dates
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.recency

result := criterion.result(rego.metadata.chain(), finding, not_applicable)

not_applicable contains "4.3.penetration_test" if {
	not config.thresholds.require_penetration_test == true
}

_tests := evidence.get(["program", "security_tests"])

_of_type(type, scope) := [t |
	some t in evidence.list(_tests)
	t.type == type
	scope in {null, t.scope}
]

# 4.3.internal_scan, 4.3.external_scan, 4.3.penetration_test

finding contains f if {
	some check in [
		["4.3.internal_scan", "vulnerability_scan", "internal", "internal_scan_max_age_days", "internal vulnerability scan"],
		["4.3.external_scan", "vulnerability_scan", "external", "external_scan_max_age_days", "external vulnerability scan"],
		["4.3.penetration_test", "penetration_test", null, "penetration_test_max_age_days", "penetration test"],
	]
	[sub, type, scope, max_key, label] := check
	some f in recency.findings_for(sub, "program", ["program", "security_tests"], _of_type(type, scope), "performed_on", max_key, label)
}

# 4.3.remediation

_vulns := evidence.get(["vulnerabilities"])

# Findings of scans and tests: the scanners' list plus the findings registers of the tests.
_candidates := array.concat(
	[["vulnerabilities", v] | some v in evidence.list(_vulns)],
	[["program", v] | some t in evidence.fresh("program", _tests); some v in evidence.list(object.get(t, "findings", null))],
)

_open := [c[1] | some c in _candidates; evidence.usable(c[0], c[1]); c[1].status == "open"]

_remediation := "Fix the vulnerability (or record a formal risk acceptance with status 'accepted') and rescan."

finding contains evidence.missing_finding("4.3.remediation", "vulnerabilities (or program.security_tests[].findings)", "Export the scanner findings with their status and first-seen date.") if {
	not evidence.present(_vulns)
	count([t | some t in evidence.fresh("program", _tests); evidence.present(object.get(t, "findings", null))]) == 0
}

finding contains f if {
	some c in _candidates
	f := evidence.stale_finding("4.3.remediation", c[0], c[1], sprintf("finding %s", [evidence.name_of(c[1])]))
}

finding contains findings.violation(
	"4.3.remediation",
	sprintf("%s %s on %s has been open since %s (%v days); %s findings must be fixed within %v days (%s).", [v.severity, evidence.name_of(v), _target(v), v.first_seen, dates.age_days(v.first_seen), v.severity, _window(v), config.basis("remediation_days")]),
	v.severity,
	findings.refs(v),
	_remediation,
) if {
	some v in _open
	is_number(_window(v))
	dates.age_days(v.first_seen) > _window(v)
}

finding contains findings.insufficient(
	"4.3.remediation",
	sprintf("Finding %s is open but its severity or first-seen date is unknown.", [evidence.name_of(v)]),
	findings.refs(v),
	"Record the severity and first-seen date of every open finding.",
) if {
	some v in _open
	not _decidable(v)
}

finding contains findings.insufficient(
	"4.3.remediation",
	sprintf("Finding %s has an unknown status %v (expected open, fixed or accepted).", [evidence.name_of(v), object.get(v, "status", null)]),
	findings.refs(v),
	"Record the status of every finding.",
) if {
	some c in _candidates
	evidence.usable(c[0], c[1])
	v := c[1]
	not object.get(v, "status", null) in {"open", "fixed", "accepted"}
}

_target(v) := v.target if {
	is_string(v.target)
} else := "an unnamed target"

# The remediation window in days of an open finding's severity; null means no deadline.
_window(v) := config.thresholds.remediation_days[v.severity]

_decidable(v) if {
	_window(v) == null
}

_decidable(v) if {
	is_number(_window(v))
	dates.is_date(v.first_seen)
}
