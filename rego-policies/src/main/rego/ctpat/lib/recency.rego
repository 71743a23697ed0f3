# METADATA
# title: Recency of dated records
# description: |
#   Checks that the newest of a set of dated records (scans, reviews, tests, trainings,
#   reconciliations) is recent enough under a threshold.
package ctpat.lib.recency

import rego.v1

import data.ctpat.lib.config
import data.ctpat.lib.dates
import data.ctpat.lib.evidence
import data.ctpat.lib.findings

# findings_for(sub, kind, path, matching, field, max_key, label) checks that the newest
# record of `matching` (the records of the collection at path that count, e.g. successful
# restore tests among ["program", "restore_tests"])
# has a date in `field` at most thresholds[max_key] days before as_of. `label` names such a
# record in messages, e.g. "successful restore test". The result is a set of findings:
# missing evidence when the collection is absent, stale findings when only stale records could
# satisfy the check, else a violation when no record is recent enough.
findings_for(sub, kind, path, matching, field, max_key, label) := {evidence.missing_for(sub, concat(".", path), sprintf("the %s", [label]), _remediation(label))} if {
	not evidence.present(evidence.get(path))
} else := set() if {
	some r in matching
	evidence.usable(kind, r)
	dates.age_days(r[field]) <= config.thresholds[max_key]
} else := fs if {
	fs := {f |
		some r in matching
		f := evidence.stale_finding(sub, kind, r, sprintf("%s %s", [label, evidence.name_of(r)]))
	}
	count(fs) > 0
} else := {_too_old(sub, label, max_key, _newest(kind, matching, field)[field], _newest(kind, matching, field))} if {
	dates.as_of
	_newest(kind, matching, field)
} else := {findings.violation(sub, sprintf("No %s is recorded.", [label]), "high", [], _remediation(label))} if {
	dates.as_of
	count([r | some r in matching; evidence.usable(kind, r)]) == 0
} else := {findings.insufficient(sub, sprintf("The date of every %s is missing or malformed.", [label]), [r | some m in matching; some r in findings.refs(m)], _remediation(label))} if {
	dates.as_of
}

# _newest(kind, records, field) is the usable record with the latest valid date in field.
_newest(kind, records, field) := sorted[count(sorted) - 1][1] if {
	sorted := sort([[r[field], r] | some r in records; evidence.usable(kind, r); dates.is_date(r[field])])
	count(sorted) > 0
}

_too_old(sub, label, max_key, day, record) := findings.violation(
	sub,
	sprintf("The newest %s is from %s, %v days before %s; at most %v days are allowed (%s).", [label, day, dates.age_days(day), dates.as_of, config.thresholds[max_key], config.basis(max_key)]),
	"high",
	findings.refs(record),
	_remediation(label),
)

_remediation(label) := sprintf("Perform and record a %s.", [label])
