# METADATA
# title: Detecting unauthorized access, policy abuse and data tampering
# description: >-
#   Have a system that detects unauthorized access to IT systems and data; abuse of policies
#   and procedures, including improper access to internal systems or external websites; and
#   tampering with or alteration of business data by employees or contractors. Violators
#   must face appropriate disciplinary action.
# custom:
#   criterion: "4.5"
#   requirement: must
#   sub_items:
#     - id: "4.5.unauthorized_access"
#       title: Central logging with alerts on failed logons and privilege changes
#       requirement: must
#     - id: "4.5.improper_access"
#       title: Web/DNS filtering with logging detects improper access to external websites
#       requirement: must
#     - id: "4.5.data_tampering"
#       title: File-integrity or database-audit monitoring with alerts on changes to business data
#       requirement: must
#     - id: "4.5.log_review"
#       title: Logs and alerts are reviewed regularly
#       requirement: must
#     - id: "4.5.discipline"
#       title: An approved disciplinary procedure covers IT misuse, and every confirmed violation has a case record
#       requirement: must
#   evidence:
#     - program.monitoring
#     - program.procedures
#     - program.violations
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["DE.CM-01", "DE.CM-03", "DE.CM-09", "PR.PS-04", "DE.AE-02", "GV.RR-04"]
#     cis_v8: ["8.2", "8.5", "8.9", "8.11", "3.14", "13.1", "9.3"]
package ctpat.criteria.c4_5

import rego.v1

import data.ctpat.lib.criterion
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.program
import data.ctpat.lib.recency

result := criterion.result(rego.metadata.chain(), finding, set())

_rules := evidence.get(["program", "monitoring", "alert_rules"])

# _rule_findings(sub, kind, label) requires an enabled alert rule of kind.
_rule_findings(sub, kind, label) := {evidence.missing_finding(sub, "program.monitoring.alert_rules", _rule_remediation(label))} if {
	not evidence.present(_rules)
} else := set() if {
	some r in evidence.fresh("program", _rules)
	r.kind == kind
	r.enabled == true
} else := fs if {
	fs := {f |
		some r in _rules
		r.kind == kind
		f := evidence.stale_finding(sub, "program", r, sprintf("alert rule %s", [evidence.name_of(r)]))
	}
	count(fs) > 0
} else := {findings.violation(sub, sprintf("No enabled alert rule detects %s.", [label]), "high", [], _rule_remediation(label))}

_rule_remediation(label) := sprintf("Create and enable a SIEM or log-monitoring alert rule for %s.", [label])

# 4.5.unauthorized_access

finding contains f if {
	f := evidence.flag_finding("4.5.unauthorized_access", "program", evidence.get(["program", "monitoring", "logging"]), {
		"field": "centralized",
		"path": "program.monitoring.logging",
		"what": "logging",
		"fails": "logs are not collected centrally",
		"unknown": "logs are collected centrally",
		"severity": "high",
		"remediation": "Forward the security logs of every in-scope system to a SIEM or central log server.",
	})
}

finding contains f if {
	some rule in [["failed_logon", "failed logons"], ["privilege_change", "privilege changes"]]
	some f in _rule_findings("4.5.unauthorized_access", rule[0], rule[1])
}

# 4.5.improper_access

finding contains f if {
	some spec in [
		{"field": "enabled", "fails": "no web proxy or DNS filter is active", "unknown": "a web proxy or DNS filter is active"},
		{"field": "logging", "fails": "web requests are not logged", "unknown": "web requests are logged"},
	]
	f := evidence.flag_finding("4.5.improper_access", "program", evidence.get(["program", "monitoring", "web_filtering"]), object.union(_filter_spec, spec))
}

_filter_spec := {
	"path": "program.monitoring.web_filtering",
	"what": "web filtering",
	"severity": "high",
	"remediation": "Route web and DNS traffic through a filtering proxy or DNS filter that logs requests.",
}

# 4.5.data_tampering

finding contains f if {
	f := evidence.flag_finding("4.5.data_tampering", "program", evidence.get(["program", "monitoring", "integrity_monitoring"]), {
		"field": "enabled",
		"path": "program.monitoring.integrity_monitoring",
		"what": "integrity monitoring",
		"fails": "no file-integrity or database-audit monitoring of business data",
		"unknown": "business data is under file-integrity or database-audit monitoring",
		"severity": "high",
		"remediation": "Enable file-integrity monitoring (e.g. Wazuh syscheck, AIDE) or database auditing on business data.",
	})
}

finding contains f if {
	some f in _rule_findings("4.5.data_tampering", "data_change", "changes to business data")
}

# 4.5.log_review

finding contains f if {
	path := ["program", "monitoring", "log_reviews"]
	some f in recency.findings_for("4.5.log_review", "program", path, evidence.list(evidence.get(path)), "reviewed_on", "log_review_max_age_days", "log review")
}

# 4.5.discipline

finding contains f if {
	some f in program.procedure_findings("4.5.discipline", "discipline", "disciplinary procedure for IT misuse")
}

_violations := evidence.get(["program", "violations"])

finding contains evidence.missing_finding("4.5.discipline", "program.violations", "Keep a log of IT-misuse violations and their disciplinary cases ([] when there were none).") if {
	not evidence.present(_violations)
}

finding contains f if {
	some f in evidence.stale_findings("4.5.discipline", "program", _violations, "violation")
}

finding contains findings.violation(
	"4.5.discipline",
	sprintf("Confirmed violation %s has no disciplinary case record.", [evidence.name_of(v)]),
	"medium",
	findings.refs(v),
	"Open a disciplinary case for every confirmed violation and record its id.",
) if {
	some v in evidence.fresh("program", _violations)
	v.confirmed == true
	not evidence.text(object.get(v, "case_id", null))
}

finding contains findings.insufficient(
	"4.5.discipline",
	sprintf("Unknown whether violation %s was confirmed.", [evidence.name_of(v)]),
	findings.refs(v),
	"Record whether each violation was confirmed.",
) if {
	some v in evidence.fresh("program", _violations)
	not is_boolean(object.get(v, "confirmed", null))
}
