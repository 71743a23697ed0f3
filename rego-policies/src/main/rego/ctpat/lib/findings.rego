# METADATA
# title: Finding constructors
# description: |
#   Every finding names the sub-item it belongs to and whether it shows a violation
#   (status "fail") or missing, unreadable or stale evidence (status "insufficient_evidence").
#   A finding whose sub_item is the criterion id itself concerns the whole criterion.
package ctpat.lib.findings

import rego.v1

# violation is a finding that fails sub-item sub.
violation(sub, message, severity, evidence, remediation) := {
	"sub_item": sub,
	"status": "fail",
	"message": message,
	"severity": severity,
	"evidence": evidence,
	"remediation": remediation,
}

# insufficient is a finding that sub-item sub cannot be decided from the evidence.
insufficient(sub, message, evidence, remediation) := {
	"sub_item": sub,
	"status": "insufficient_evidence",
	"message": message,
	"severity": "medium",
	"evidence": evidence,
	"remediation": remediation,
}

# refs(x) is the evidence reference list of item x: [{file, line}] from x.source, or [].
refs(x) := [{"file": x.source.file, "line": object.get(x.source, "line", null)}] if {
	is_object(x)
	is_string(x.source.file)
} else := []
