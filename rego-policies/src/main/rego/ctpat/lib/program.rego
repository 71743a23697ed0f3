# METADATA
# title: Written-program helpers
# description: Checks shared by the criteria that need an approved written procedure.
package ctpat.lib.program

import rego.v1

import data.ctpat.lib.dates
import data.ctpat.lib.evidence
import data.ctpat.lib.findings

# approved(doc) is true when a policy or procedure has an approval date.
approved(doc) if dates.is_date(doc.approved_on)

_procedures := evidence.get(["program", "procedures"])

# procedure_findings(sub, kind, label) requires an approved, fresh procedure of `kind` in
# program.procedures; label names it in messages, e.g. "social-engineering procedure".
procedure_findings(sub, kind, label) := {evidence.missing_finding(sub, "program.procedures", _remediation(label))} if {
	not evidence.present(_procedures)
} else := set() if {
	some p in evidence.fresh("program", _procedures)
	p.kind == kind
	approved(p)
} else := fs if {
	fs := {f |
		some p in _procedures
		p.kind == kind
		approved(p)
		f := evidence.stale_finding(sub, "program", p, sprintf("procedure %s", [evidence.name_of(p)]))
	}
	count(fs) > 0
} else := {findings.violation(
	sub,
	sprintf("No approved %s: program.procedures has no approved entry of kind '%s'.", [label, kind]),
	"high",
	[r | some p in _procedures; p.kind == kind; some r in findings.refs(p)],
	_remediation(label),
)}

_remediation(label) := sprintf("Write the %s, have it approved and record it in the program file.", [label])
