# METADATA
# title: CTPAT cybersecurity assessment
# description: |
#   The aggregate the Java facade reads: data.ctpat.report gives every criterion's result,
#   the summary (DESIGN.md section 6) and the waiver bookkeeping in one query.
#   compliant is true when no must criterion is fail or insufficient_evidence.
package ctpat.report

import rego.v1

import data.ctpat.lib.dates
import data.ctpat.lib.waivers

# as_of is the assessment date, when the input has a valid one.
as_of := dates.as_of

# criteria is the result of every criterion, in criterion order.
criteria := [
	data.ctpat.criteria.c4_1.result,
	data.ctpat.criteria.c4_2.result,
	data.ctpat.criteria.c4_3.result,
	data.ctpat.criteria.c4_4.result,
	data.ctpat.criteria.c4_5.result,
	data.ctpat.criteria.c4_6.result,
	data.ctpat.criteria.c4_7.result,
	data.ctpat.criteria.c4_8.result,
	data.ctpat.criteria.c4_9.result,
	data.ctpat.criteria.c4_10.result,
	data.ctpat.criteria.c4_11.result,
	data.ctpat.criteria.c4_12.result,
	data.ctpat.criteria.c4_13.result,
	data.ctpat.criteria.c12_8.result,
]

# summary counts the criteria per status and says whether the organization is compliant.
summary := object.union(
	{status: count([c | some c in criteria; c.status == status]) |
		some status in ["pass", "fail", "insufficient_evidence", "not_applicable", "waived"]
	},
	{"compliant": count(blocking_criteria) == 0},
)

# blocking_criteria is the ids of the must criteria that fail or lack evidence.
blocking_criteria := [c.id |
	some c in criteria
	c.requirement == "must"
	c.status in {"fail", "insufficient_evidence"}
]

# unmatched_waivers is every waiver whose criterion, or whose scope within the criterion,
# does not exist in the pack; such a waiver has no effect.
unmatched_waivers := [w |
	some w in waivers.listed
	not _matches(w)
]

_matches(w) if {
	some c in criteria
	c.id == w.criterion
	waivers.scope(w) == null
}

_matches(w) if {
	some c in criteria
	c.id == w.criterion
	some s in c.sub_items
	s.id == waivers.scope(w)
}

# invalid_waivers is every waiver without criterion, reason, approver or a valid expiry date;
# such a waiver has no effect.
invalid_waivers := [w |
	some w in waivers.listed
	not waivers.well_formed(w)
]

# expired_waivers is every waiver that expired before as_of.
expired_waivers := [w |
	some w in waivers.listed
	waivers.expired(w)
]

# unused_waivers is every active waiver that matches a criterion which has nothing to waive.
unused_waivers := [w |
	some w in waivers.listed
	waivers.active(w)
	_matches(w)
	not _applied(w)
]

_applied(w) if {
	some c in criteria
	w in c.waivers
}
