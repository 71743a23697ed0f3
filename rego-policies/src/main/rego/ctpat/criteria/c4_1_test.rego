package ctpat.criteria.c4_1_test

import rego.v1

import data.ctpat.criteria.c4_1
import data.ctpat.testing

_all := ["4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12", "4.13"]

_policy := {
	"id": "POL-IT-01",
	"title": "Information Security Policy",
	"covers": _all,
	"approved_on": "2025-02-01",
	"last_reviewed_on": "2026-02-01",
	"source": testing.src("ctpat.yaml", 10),
}

_input(policies) := {"organization": {"as_of": testing.as_of}, "program": {"policies": policies}}

test_pass_with_an_approved_policy_covering_all_criteria if {
	r := c4_1.result with input as _input([_policy])
	r.status == "pass"
	r.id == "4.1"
	r.requirement == "must"
	r.findings == []
}

test_coverage_may_be_spread_over_several_policies if {
	first := object.union(_policy, {"covers": array.slice(_all, 0, 6)})
	second := object.union(_policy, {"id": "POL-IT-02", "covers": array.slice(_all, 6, 12)})
	r := c4_1.result with input as _input([first, second])
	r.status == "pass"
}

test_fail_when_no_policy_is_approved if {
	r := c4_1.result with input as _input([object.union(_policy, {"approved_on": null})])
	r.status == "fail"
	testing.failing(r) == {"4.1.written_policy"}
	testing.sub_status(r, "4.1.coverage") == "insufficient_evidence"
}

test_fail_when_the_program_has_no_policy if {
	r := c4_1.result with input as _input([])
	testing.failing(r) == {"4.1.written_policy"}
}

test_fail_names_each_uncovered_criterion if {
	r := c4_1.result with input as _input([object.union(_policy, {"covers": ["4.2", "4.3"]})])
	r.status == "fail"
	testing.failing(r) == {"4.1.coverage"}
	testing.mentions(r, "4.1.coverage", "4.4, 4.5, 4.6, 4.7, 4.8, 4.9, 4.10, 4.11, 4.12, 4.13")
}

test_unapproved_policy_does_not_count_for_coverage if {
	draft := object.union(_policy, {"id": "POL-DRAFT", "approved_on": null})
	partial := object.union(_policy, {"covers": ["4.2"]})
	r := c4_1.result with input as _input([draft, partial])
	testing.failing(r) == {"4.1.coverage"}
}

test_insufficient_evidence_without_policies if {
	r := c4_1.result with input as {"organization": {"as_of": testing.as_of}}
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.1.written_policy", "4.1.coverage"}
	testing.mentions(r, "4.1.written_policy", "program.policies is missing")
}

test_insufficient_evidence_without_as_of if {
	r := c4_1.result with input as {"program": {"policies": [_policy]}}
	r.status == "insufficient_evidence"
	testing.mentions(r, "4.1", "organization.as_of")
}

test_stale_policy_evidence_is_insufficient if {
	doc := object.union(_input([_policy]), {"evidence_files": [testing.collected("ctpat.yaml", "2026-09-01")]})
	r := c4_1.result with input as doc
	r.status == "insufficient_evidence"
	testing.mentions(r, "4.1.written_policy", "policy POL-IT-01: evidence collected 87 days before 2026-11-27 is stale")
}

test_stale_threshold_can_be_overridden if {
	doc := object.union(_input([_policy]), {
		"evidence_files": [testing.collected("ctpat.yaml", "2026-09-01")],
		"thresholds": {"evidence_max_age_days": {"program": 120}},
	})
	r := c4_1.result with input as doc
	r.status == "pass"
}

test_waived_failure_keeps_findings_and_waiver if {
	w := testing.waiver("4.1", null, "2027-01-31")
	doc := object.union(_input([object.union(_policy, {"covers": ["4.2"]})]), {"waivers": [w]})
	r := c4_1.result with input as doc
	r.status == "waived"
	r.waivers == [w]
	testing.mentions(r, "4.1.coverage", "do not address")
}

test_waiver_scoped_to_another_sub_item_does_not_waive if {
	w := testing.waiver("4.1", "4.1.written_policy", "2027-01-31")
	doc := object.union(_input([object.union(_policy, {"covers": ["4.2"]})]), {"waivers": [w]})
	r := c4_1.result with input as doc
	r.status == "fail"
	r.waivers == []
}

test_expired_waiver_fails_again_with_a_finding if {
	w := testing.waiver("4.1", null, "2026-11-26")
	doc := object.union(_input([object.union(_policy, {"covers": ["4.2"]})]), {"waivers": [w]})
	r := c4_1.result with input as doc
	r.status == "fail"
	testing.mentions(r, "4.1", "expired on 2026-11-26")
}

test_waiver_does_not_replace_missing_evidence if {
	doc := {"organization": {"as_of": testing.as_of}, "waivers": [testing.waiver("4.1", null, "2027-01-31")]}
	r := c4_1.result with input as doc
	r.status == "insufficient_evidence"
}

test_coverage_is_insufficient_when_a_policy_that_might_cover_the_rest_is_stale if {
	partial := object.union(_policy, {"covers": ["4.2"]})
	old := object.union(_policy, {"id": "POL-IT-02", "source": {"file": "old/policies.yaml", "adapter": "test", "collected_at": "2026-01-05T00:00:00Z"}})
	r := c4_1.result with input as _input([partial, old])
	testing.sub_status(r, "4.1.coverage") == "insufficient_evidence"
	testing.mentions(r, "4.1.coverage", "some policies' evidence is stale")
}

test_waived_failure_with_missing_evidence_elsewhere_stays_insufficient if {
	w := testing.waiver("4.1", "4.1.written_policy", "2027-01-31")
	policy := object.union(_policy, {"approved_on": null})
	r := c4_1.result with input as testing.waived(_input([policy]), w)
	r.status == "insufficient_evidence"
	r.waivers == [w]
}
