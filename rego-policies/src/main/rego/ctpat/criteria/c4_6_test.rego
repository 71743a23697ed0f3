package ctpat.criteria.c4_6_test

import rego.v1

import data.ctpat.criteria.c4_6
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c4_6.result with input as doc
}

_incident(severity, occurred_on) := {"id": "INC-9", "occurred_on": occurred_on, "severity": severity, "source": testing.src("ctpat.yaml", 90)}

test_pass_on_the_compliant_document if {
	_result(fx).status == "pass"
}

test_fail_when_a_policy_was_not_reviewed_for_over_a_year if {
	r := _result(testing.with_program_item(fx, "policies", 1, {"approved_on": "2024-01-15", "last_reviewed_on": "2025-11-26"}))
	testing.failing(r) == {"4.6.annual_review"}
	testing.mentions(r, "4.6.annual_review", "Policy POL-HR-07 was last reviewed on 2025-11-26, 366 days before 2026-11-27; at most 365 days are allowed (CTPAT 4.6: at least annually)")
}

test_a_review_exactly_a_year_ago_passes if {
	_result(testing.with_program_item(fx, "policies", 1, {"last_reviewed_on": "2025-11-27", "approved_on": "2024-01-15"})).status == "pass"
}

test_approval_counts_as_a_review if {
	_result(testing.with_program_item(fx, "policies", 1, {"approved_on": "2026-02-01", "last_reviewed_on": null})).status == "pass"
}

test_fail_when_a_procedure_was_not_reviewed if {
	r := _result(testing.with_program_item(fx, "procedures", 3, {"approved_on": "2023-05-01", "last_reviewed_on": "2024-05-20"}))
	testing.failing(r) == {"4.6.annual_review"}
	testing.mentions(r, "4.6.annual_review", "Procedure PRC-04")
}

test_fail_when_no_review_followed_a_major_incident if {
	r := _result(testing.with_program(fx, "incidents", [_incident("critical", "2026-12-01")]))
	r.status == "pass"
	r2 := _result(testing.with_program(fx, "incidents", [_incident("critical", "2026-08-21")]))
	testing.failing(r2) == {"4.6.event_review"}
	testing.mentions(r2, "4.6.event_review", "No policy review is recorded after critical incident INC-9 of 2026-08-21 (98 days ago")
}

test_a_recent_incident_is_not_yet_due_for_review if {
	_result(testing.with_program(fx, "incidents", [_incident("high", "2026-11-01")])).status == "pass"
}

test_minor_incidents_need_no_review if {
	_result(testing.with_program(fx, "incidents", [_incident("low", "2025-01-01")])).status == "pass"
}

test_insufficient_when_an_incident_has_no_severity if {
	r := _result(testing.with_program(fx, "incidents", [_incident(null, "2026-11-01")]))
	testing.lacking(r) == {"4.6.event_review"}
}

test_insufficient_evidence_without_an_incident_log if {
	r := _result(testing.without_program(fx, "incidents"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.6.event_review"}
	testing.mentions(r, "4.6.event_review", "program.incidents is missing")
}

test_insufficient_evidence_without_documents if {
	r := _result(testing.without_program(testing.without_program(fx, "policies"), "procedures"))
	testing.lacking(r) == {"4.6.annual_review"}
}

test_stale_program_file_is_insufficient if {
	r := _result(testing.collected_on(fx, "ctpat.yaml", "2026-10-01"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.6.annual_review", "4.6.event_review"}
}

test_waived_overdue_review if {
	w := testing.waiver("4.6", null, "2026-12-15")
	doc := testing.waived(testing.with_program_item(fx, "policies", 1, {"approved_on": "2024-01-15", "last_reviewed_on": "2025-01-10"}), w)
	r := _result(doc)
	r.status == "waived"
	r.waivers == [w]
	testing.mentions(r, "4.6.annual_review", "POL-HR-07")
}

test_insufficient_when_no_document_is_approved if {
	docs := [object.union(d, {"approved_on": null}) | some d in fx.program.procedures]
	r := _result(testing.with_program(testing.with_program(fx, "policies", []), "procedures", docs))
	testing.lacking(r) == {"4.6.annual_review"}
	testing.mentions(r, "4.6.annual_review", "No approved policy or procedure")
}
