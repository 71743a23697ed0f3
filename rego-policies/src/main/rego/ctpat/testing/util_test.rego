# Helpers for the policy unit tests (not part of the packaged policy).
package ctpat.testing

import rego.v1

as_of := "2026-11-27"

# src is a source reference for fixture items.
src(file, line) := {"file": file, "line": line, "adapter": "test"}

# sub_status(r, id) is the status of sub-item id in criterion result r.
sub_status(r, id) := [s.status | some s in r.sub_items; s.id == id][0]

# failing(r) is the set of sub-item ids that fail in criterion result r.
failing(r) := {s.id | some s in r.sub_items; s.status == "fail"}

# lacking(r) is the set of sub-item ids that lack evidence in criterion result r.
lacking(r) := {s.id | some s in r.sub_items; s.status == "insufficient_evidence"}

# messages(r, sub) is the set of finding messages of sub-item sub.
messages(r, sub) := {f.message | some f in r.findings; f.sub_item == sub}

# mentions(r, sub, text) is true when a finding of sub-item sub contains text.
mentions(r, sub, text) if {
	some m in messages(r, sub)
	contains(m, text)
}

# waiver(criterion, scope, expires_on) is a waiver for the criterion (scope null = all of it).
waiver(criterion, scope, expires_on) := {
	"criterion": criterion,
	"scope": scope,
	"reason": "Replacement scheduled with the Q1 budget",
	"approver": "CFO",
	"expires_on": expires_on,
	"source": src("ctpat.yaml", 300),
}

# collected(file, day) is an evidence_files entry for file collected on day (YYYY-MM-DD).
collected(file, day) := {"path": file, "adapter": "test", "collected_at": sprintf("%sT08:00:00Z", [day])}

# with_item(doc, key, i, patch) is doc with doc[key][i] merged with patch.
with_item(doc, key, i, patch) := object.union(doc, {key: _replace(doc[key], i, object.union(doc[key][i], patch))})

# replace_item(doc, key, i, x) is doc with doc[key][i] replaced by x.
replace_item(doc, key, i, x) := object.union(doc, {key: _replace(doc[key], i, x)})

# with_program_item(doc, key, i, patch) is doc with doc.program[key][i] merged with patch.
with_program_item(doc, key, i, patch) := object.union(doc, {"program": {key: _replace(doc.program[key], i, object.union(doc.program[key][i], patch))}})

_replace(xs, i, x) := array.concat(array.concat(array.slice(xs, 0, i), [x]), array.slice(xs, i + 1, count(xs)))

# fx is the compliant example document: every criterion passes on it.
fx := data.ctpat.fixtures.compliant

# with_program(doc, key, value) is doc with doc.program[key] replaced by value.
with_program(doc, key, value) := object.union(doc, {"program": {key: value}})

# without(doc, key) is doc without the top-level key.
without(doc, key) := object.remove(doc, [key])

# without_program(doc, key) is doc without doc.program[key].
without_program(doc, key) := object.union(object.remove(doc, ["program"]), {"program": object.remove(doc.program, [key])})

# collected_on(doc, file, day) is doc where evidence file `file` was collected on day and the
# other files at an unknown time.
collected_on(doc, file, day) := object.union(doc, {"evidence_files": [collected(file, day)]})

# waived(doc, w) is doc with the single waiver w.
waived(doc, w) := object.union(doc, {"waivers": [w]})
