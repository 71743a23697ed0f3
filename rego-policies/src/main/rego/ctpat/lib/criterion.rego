# METADATA
# title: Criterion results
# description: |
#   Builds a criterion's result from its package METADATA and its findings.
#   Sub-item status: not_applicable when declared so; fail when it has a violation; else
#   insufficient_evidence when it has an insufficient-evidence finding; else pass.
#   Criterion status: fail when any sub-item (or a criterion-wide finding) fails, else
#   insufficient_evidence when any does, else pass, or not_applicable when every sub-item is.
#   A failing criterion whose failing sub-items are all covered by active waivers is waived
#   (insufficient_evidence if evidence is also missing); its findings stay in the result
#   together with the waivers applied, and an expired waiver that would have covered a
#   failure adds a finding.
package ctpat.lib.criterion

import rego.v1

import data.ctpat.lib.dates
import data.ctpat.lib.findings
import data.ctpat.lib.waivers

# result(chain, fs, not_applicable) is the result of the criterion whose package METADATA is
# in chain (pass rego.metadata.chain() from the criterion's result rule); fs is its set of
# findings; not_applicable is the set of sub-item ids that do not apply.
result(chain, fs, not_applicable) := r if {
	meta := [a | some e in chain; a := e.annotations; a.scope == "package"][0]
	id := meta.custom.criterion
	all_fs := fs | _as_of_findings(id)
	subs := [{"id": s.id, "status": _sub_status(s.id, all_fs, not_applicable)} | some s in meta.custom.sub_items]
	declared := {s.id | some s in subs}

	# Criterion-wide findings, and (defensively) any whose sub-item is not declared, count
	# for the criterion as a whole.
	own := {f.status | some f in all_fs; not f.sub_item in declared}
	statuses := {s.status | some s in subs} | own
	failing := {s.id | some s in subs; s.status == "fail"} | {id | "fail" in own}
	applied := waivers.applied(id, failing)
	status := _final(_combine(statuses), statuses, failing, applied)
	expired := waivers.expired_findings(id, failing, status)
	r := {
		"id": id,
		"title": meta.title,
		"requirement": meta.custom.requirement,
		"status": status,
		"sub_items": subs,
		"findings": _sorted(all_fs | expired),
		"waivers": applied,
	}
}

_as_of_findings(id) := set() if {
	dates.as_of
} else := {findings.insufficient(
	id,
	"No evidence: organization.as_of (the assessment date, YYYY-MM-DD) is missing or malformed, so no age can be computed.",
	[],
	"Set organization.as_of.",
)}

_sub_status(id, fs, not_applicable) := "not_applicable" if {
	id in not_applicable
} else := "fail" if {
	some f in fs
	f.sub_item == id
	f.status == "fail"
} else := "insufficient_evidence" if {
	some f in fs
	f.sub_item == id
	f.status == "insufficient_evidence"
} else := "pass"

_combine(statuses) := "fail" if {
	"fail" in statuses
} else := "insufficient_evidence" if {
	"insufficient_evidence" in statuses
} else := "pass" if {
	"pass" in statuses
} else := "not_applicable"

# Waivers cover violations, not missing evidence: a criterion whose failures are all waived
# but that also lacks evidence stays insufficient_evidence.
_final(raw, statuses, failing, applied) := "insufficient_evidence" if {
	raw == "fail"
	waivers.covered(failing, applied)
	"insufficient_evidence" in statuses
} else := "waived" if {
	raw == "fail"
	waivers.covered(failing, applied)
} else := raw

# _sorted(fs) orders findings by sub-item, status and message.
_sorted(fs) := [x[3] | some x in sort([[f.sub_item, f.status, f.message, f] | some f in fs])]
