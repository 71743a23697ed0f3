package ctpat.criteria.c12_8_test

import rego.v1

import data.ctpat.criteria.c12_8
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c12_8.result with input as doc
}

# Fixture training 1 is P-1002's.
_training(patch) := testing.with_program_item(fx, "trainings", 1, patch)

test_pass_on_the_compliant_document if {
	r := _result(fx)
	r.status == "pass"
	r.id == "12.8"
}

test_fail_when_a_persons_training_is_too_old if {
	r := _result(_training({"completed_on": "2025-10-01"}))
	testing.failing(r) == {"12.8.cyber_training", "12.8.password_training"}
	testing.mentions(r, "12.8.cyber_training", "The newest cybersecurity-policy training of P-1002 is from 2025-10-01, 422 days")
}

test_fail_when_password_protection_was_not_covered if {
	r := _result(_training({"topics": ["cybersecurity_policy"]}))
	testing.failing(r) == {"12.8.password_training"}
	testing.mentions(r, "12.8.password_training", "No password-protection training of P-1002 is recorded.")
}

test_fail_for_a_person_who_never_trained if {
	r := _result(testing.with_program(fx, "trainings", array.slice(fx.program.trainings, 0, 2)))
	testing.failing(r) == {"12.8.cyber_training", "12.8.password_training"}
	testing.mentions(r, "12.8.cyber_training", "P-1003")
}

test_separated_people_need_no_training if {
	# P-1004 separated and has no training record.
	_result(fx).status == "pass"
}

test_insufficient_evidence_without_trainings if {
	r := _result(testing.without_program(fx, "trainings"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"12.8.cyber_training", "12.8.password_training"}
	testing.mentions(r, "12.8.cyber_training", "program.trainings is missing")
}

test_insufficient_evidence_without_roster if {
	r := _result(testing.without(fx, "personnel"))
	r.status == "insufficient_evidence"
}

test_stale_training_records_are_insufficient if {
	r := _result(testing.collected_on(fx, "ctpat.yaml", "2026-10-01"))
	r.status == "insufficient_evidence"
	testing.mentions(r, "12.8.cyber_training", "is stale")
}

test_waived_overdue_training if {
	w := testing.waiver("12.8", null, "2027-01-31")
	r := _result(testing.waived(_training({"completed_on": "2025-10-01"}), w))
	r.status == "waived"
}

test_insufficient_evidence_without_accounts if {
	r := _result(testing.without(fx, "accounts"))
	r.status == "insufficient_evidence"
	testing.mentions(r, "12.8.password_training", "accounts is missing")
}

test_stale_hr_roster_is_insufficient if {
	r := _result(testing.collected_on(fx, "hr/roster.csv", "2026-11-01"))
	testing.lacking(r) == {"12.8.cyber_training", "12.8.password_training"}
	testing.mentions(r, "12.8.cyber_training", "person P-1001: evidence collected 26 days")
}

test_stale_account_export_is_insufficient if {
	r := _result(testing.collected_on(fx, "identity/ad-users.csv", "2026-11-01"))
	testing.mentions(r, "12.8.cyber_training", "account malvarez: evidence collected 26 days")
}

test_insufficient_when_nobody_has_system_access if {
	people := [object.union(p, {"status": "separated", "separated_on": "2026-01-31"}) | some p in fx.personnel]
	r := _result(object.union(fx, {"personnel": people}))
	testing.lacking(r) == {"12.8.cyber_training", "12.8.password_training"}
	testing.mentions(r, "12.8.cyber_training", "No active person with an enabled account")
}
