package ctpat.criteria.c4_5_test

import rego.v1

import data.ctpat.criteria.c4_5
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c4_5.result with input as doc
}

_monitoring(patch) := testing.with_program(fx, "monitoring", object.union(fx.program.monitoring, patch))

_rules_without(kind) := _monitoring({"alert_rules": [r | some r in fx.program.monitoring.alert_rules; r.kind != kind]})

test_pass_on_the_compliant_document if {
	_result(fx).status == "pass"
}

test_fail_when_logs_are_not_centralized if {
	r := _result(_monitoring({"logging": {"centralized": false}}))
	testing.failing(r) == {"4.5.unauthorized_access"}
	testing.mentions(r, "4.5.unauthorized_access", "logging: logs are not collected centrally")
}

test_fail_without_an_alert_on_failed_logons if {
	r := _result(_rules_without("failed_logon"))
	testing.failing(r) == {"4.5.unauthorized_access"}
	testing.mentions(r, "4.5.unauthorized_access", "No enabled alert rule detects failed logons.")
}

test_fail_when_the_privilege_change_alert_is_disabled if {
	rules := [object.union(r, {"enabled": r.kind != "privilege_change"}) | some r in fx.program.monitoring.alert_rules]
	r := _result(_monitoring({"alert_rules": rules}))
	testing.failing(r) == {"4.5.unauthorized_access"}
}

test_fail_without_web_filtering if {
	r := _result(_monitoring({"web_filtering": {"enabled": false}}))
	testing.failing(r) == {"4.5.improper_access"}
}

test_fail_when_web_requests_are_not_logged if {
	r := _result(_monitoring({"web_filtering": {"logging": false}}))
	testing.failing(r) == {"4.5.improper_access"}
	testing.mentions(r, "4.5.improper_access", "web requests are not logged")
}

test_fail_without_integrity_monitoring if {
	r := _result(_monitoring({"integrity_monitoring": {"enabled": false}}))
	testing.failing(r) == {"4.5.data_tampering"}
}

test_fail_without_an_alert_on_data_changes if {
	r := _result(_rules_without("data_change"))
	testing.failing(r) == {"4.5.data_tampering"}
}

test_fail_when_logs_were_not_reviewed_recently if {
	r := _result(_monitoring({"log_reviews": [{"reviewed_on": "2026-11-10", "source": testing.src("ctpat.yaml", 174)}]}))
	testing.failing(r) == {"4.5.log_review"}
	testing.mentions(r, "4.5.log_review", "17 days before 2026-11-27; at most 7 days are allowed (CIS default, Controls v8 8.11: weekly)")
}

test_fail_without_a_disciplinary_procedure if {
	r := _result(testing.with_program_item(fx, "procedures", 5, {"kind": "other"}))
	testing.failing(r) == {"4.5.discipline"}
}

test_fail_when_a_confirmed_violation_has_no_case if {
	r := _result(testing.with_program_item(fx, "violations", 0, {"case_id": null}))
	testing.failing(r) == {"4.5.discipline"}
	testing.mentions(r, "4.5.discipline", "Confirmed violation VIO-2026-02 has no disciplinary case record.")
}

test_unconfirmed_violation_needs_no_case if {
	_result(testing.with_program_item(fx, "violations", 0, {"confirmed": false, "case_id": null})).status == "pass"
}

test_insufficient_when_violation_confirmation_is_unknown if {
	r := _result(testing.with_program_item(fx, "violations", 0, {"confirmed": null}))
	testing.lacking(r) == {"4.5.discipline"}
}

test_insufficient_evidence_without_monitoring if {
	r := _result(testing.without_program(fx, "monitoring"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.5.unauthorized_access", "4.5.improper_access", "4.5.data_tampering", "4.5.log_review"}
	testing.mentions(r, "4.5.improper_access", "program.monitoring.web_filtering is missing")
}

test_insufficient_evidence_without_a_violations_log if {
	r := _result(testing.without_program(fx, "violations"))
	testing.lacking(r) == {"4.5.discipline"}
}

test_stale_program_file_is_insufficient if {
	r := _result(testing.collected_on(fx, "ctpat.yaml", "2026-10-01"))
	r.status == "insufficient_evidence"
	count(testing.lacking(r)) == 5
}

test_waived_missing_integrity_monitoring if {
	w := testing.waiver("4.5", "4.5.data_tampering", "2027-02-28")
	r := _result(testing.waived(_monitoring({"integrity_monitoring": {"enabled": false}}), w))
	r.status == "waived"
}

test_stale_violation_log_is_insufficient if {
	r := _result(testing.with_program_item(fx, "violations", 0, {"source": {"collected_at": "2026-01-01T00:00:00Z"}}))
	testing.lacking(r) == {"4.5.discipline"}
}
