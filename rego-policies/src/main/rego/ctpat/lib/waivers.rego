# METADATA
# title: Waivers
# description: |
#   A waiver (input.waivers[]) accepts the failures of one criterion, or of one of its
#   sub-items when scope names a sub-item id, until expires_on (inclusive). It needs a
#   reason and an approver. A waiver never turns missing evidence into a pass.
package ctpat.lib.waivers

import rego.v1

import data.ctpat.lib.dates
import data.ctpat.lib.evidence
import data.ctpat.lib.findings

# listed is every waiver in the input.
listed := evidence.list(evidence.get(["waivers"]))

# well_formed(w) is true when w has a criterion, reason, approver and expiry date.
well_formed(w) if {
	is_string(w.criterion)
	evidence.text(w.reason)
	evidence.text(w.approver)
	dates.is_date(w.expires_on)
}

# scope(w) is the sub-item id w is limited to, or null for the whole criterion.
scope(w) := object.get(w, "scope", null)

# active(w) is true when w is well formed and not expired on as_of.
active(w) if {
	well_formed(w)
	dates.not_after(dates.as_of, w.expires_on)
}

# expired(w) is true when w is well formed and expired before as_of.
expired(w) if {
	dates.as_of
	well_formed(w)
	not dates.not_after(dates.as_of, w.expires_on)
}

_covers(w, sub) if scope(w) == null

_covers(w, sub) if scope(w) == sub

# applied(id, failing) is the active waivers of criterion id that cover a failing sub-item.
applied(id, failing) := sort({w |
	some w in listed
	w.criterion == id
	active(w)
	some sub in failing
	_covers(w, sub)
})

# covered(failing, ws) is true when every failing sub-item is covered by a waiver in ws.
covered(failing, ws) if {
	count(failing) > 0
	every sub in failing {
		some w in ws
		_covers(w, sub)
	}
}

# expired_findings(id, failing, status) reports each expired waiver of criterion id that
# would have covered a failure, when the criterion still fails.
expired_findings(id, failing, status) := {f |
	status == "fail"
	some w in listed
	w.criterion == id
	expired(w)
	some sub in failing
	_covers(w, sub)
	f := findings.violation(
		_sub_item(w, id),
		sprintf("Waiver approved by %s expired on %s; the failures it covered count again (reason was: %s).", [w.approver, w.expires_on, w.reason]),
		"high",
		findings.refs(w),
		"Fix the failures, or renew the waiver with a new approval and expiry date.",
	)
}

_sub_item(w, id) := id if {
	scope(w) == null
} else := scope(w)
