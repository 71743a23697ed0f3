package ctpat.criteria.c4_7_test

import rego.v1

import data.ctpat.criteria.c4_7
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c4_7.result with input as doc
}

# Fixture accounts: 1 = dpatel@ad (P-1002, logistics_coordinator), 3 = tbecker@ad (P-1004,
# separated on 2026-09-30, disabled).
_account(i, patch) := testing.with_item(fx, "accounts", i, patch)

test_pass_on_the_compliant_document if {
	_result(fx).status == "pass"
}

test_fail_when_an_account_holds_a_group_its_role_does_not_allow if {
	r := _result(_account(1, {"groups": ["Domain Users", "WMS Users", "Customs Filing"]}))
	testing.failing(r) == {"4.7.role_based_access"}
	testing.mentions(r, "4.7.role_based_access", "Account dpatel@ad of P-1002 (role logistics_coordinator) holds Customs Filing")
}

test_service_accounts_are_not_matched_against_roles if {
	# svc-backup holds Backup Operators, which no role allows.
	fx.accounts[4].service == true
	_result(fx).status == "pass"
}

test_insufficient_when_an_accounts_groups_are_unknown if {
	r := _result(_account(1, {"groups": null}))
	testing.lacking(r) == {"4.7.role_based_access"}
}

test_fail_when_a_sensitive_system_was_not_reviewed_recently if {
	r := _result(testing.with_program_item(fx, "access_reviews", 0, {"completed_on": "2025-09-30"}))
	testing.failing(r) == {"4.7.access_review"}
	testing.mentions(r, "4.7.access_review", "The newest completed access review of wms is from 2025-09-30, 423 days")
}

test_fail_when_an_access_review_was_not_completed if {
	r := _result(testing.with_program_item(fx, "access_reviews", 1, {"completed_on": null}))
	testing.failing(r) == {"4.7.access_review"}
	testing.mentions(r, "4.7.access_review", "No completed access review of customs-filing is recorded.")
}

test_insufficient_when_no_system_is_marked_sensitive if {
	systems := [object.union(s, {"sensitive": false}) | some s in fx.systems]
	r := _result(object.union(fx, {"systems": systems}))
	testing.lacking(r) == {"4.7.access_review"}
}

test_fail_when_a_separated_person_keeps_an_enabled_account if {
	r := _result(_account(3, {"enabled": true, "last_logon": "2026-09-29T17:05:40Z"}))
	testing.failing(r) == {"4.7.separation", "4.7.dormant_accounts"}
	testing.mentions(r, "4.7.separation", "Account tbecker@ad of P-1004 is still enabled although the person separated on 2026-09-30 (58 days ago; 1-day grace period")
}

test_fail_when_an_account_was_used_after_separation if {
	r := _result(_account(3, {"last_logon": "2026-10-02T09:00:00Z"}))
	testing.failing(r) == {"4.7.separation"}
	testing.mentions(r, "4.7.separation", "was used on 2026-10-02T09:00:00Z, after the person separated on 2026-09-30")
}

test_separation_grace_period_applies if {
	people := testing.with_item(fx, "personnel", 3, {"separated_on": "2026-11-26"})
	doc := testing.with_item(people, "accounts", 3, {"enabled": true, "last_logon": "2026-11-25T10:00:00Z"})
	_result(doc).status == "pass"
}

test_insufficient_when_the_separation_date_is_unknown if {
	r := _result(testing.with_item(fx, "personnel", 3, {"separated_on": null}))
	testing.lacking(r) == {"4.7.separation"}
}

test_fail_when_an_enabled_account_is_dormant if {
	r := _result(_account(2, {"last_logon": "2026-10-01T08:00:00Z"}))
	testing.failing(r) == {"4.7.dormant_accounts"}
	testing.mentions(r, "4.7.dormant_accounts", "gokafor@ad was last used on 2026-10-01T08:00:00Z, 57 days before 2026-11-27; at most 45 days are allowed (CIS default, Controls v8 5.3: 45 days)")
}

test_insufficient_when_the_last_logon_is_unknown if {
	r := _result(_account(2, {"last_logon": null}))
	testing.lacking(r) == {"4.7.dormant_accounts"}
}

test_insufficient_evidence_without_accounts if {
	r := _result(testing.without(fx, "accounts"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.7.role_based_access", "4.7.separation", "4.7.dormant_accounts"}
}

test_insufficient_evidence_without_role_matrix_or_systems if {
	r := _result(testing.without(testing.without_program(fx, "role_matrix"), "systems"))
	testing.lacking(r) == {"4.7.role_based_access", "4.7.access_review"}
}

test_stale_hr_roster_is_insufficient if {
	r := _result(testing.collected_on(fx, "hr/roster.csv", "2026-11-01"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.7.role_based_access", "4.7.separation"}
	testing.mentions(r, "4.7.separation", "person P-1004: evidence collected 26 days before 2026-11-27 is stale (at most 14 days allowed for personnel evidence)")
}

test_waived_dormant_account if {
	w := testing.waiver("4.7", "4.7.dormant_accounts", "2027-01-15")
	r := _result(testing.waived(_account(2, {"last_logon": "2026-10-01T08:00:00Z"}), w))
	r.status == "waived"
}

test_waiver_for_another_criterion_does_not_apply if {
	w := testing.waiver("4.8", null, "2027-01-15")
	r := _result(testing.waived(_account(2, {"last_logon": "2026-10-01T08:00:00Z"}), w))
	r.status == "fail"
}

test_stale_account_export_is_insufficient if {
	r := _result(testing.collected_on(fx, "identity/ad-users.csv", "2026-11-01"))
	testing.lacking(r) == {"4.7.role_based_access", "4.7.separation", "4.7.dormant_accounts"}
}

test_insufficient_evidence_without_personnel if {
	r := _result(testing.without(fx, "personnel"))
	testing.lacking(r) == {"4.7.role_based_access", "4.7.separation"}
	testing.mentions(r, "4.7.separation", "personnel is missing")
}

test_stale_role_matrix_is_insufficient if {
	r := _result(testing.with_program_item(fx, "role_matrix", 0, {"source": {"collected_at": "2026-01-01T00:00:00Z"}}))
	testing.sub_status(r, "4.7.role_based_access") == "insufficient_evidence"
}

test_stale_system_inventory_is_insufficient if {
	r := _result(testing.collected_on(fx, "systems/cmdb-systems.csv", "2026-03-01"))
	testing.lacking(r) == {"4.7.access_review"}
}

test_insufficient_when_system_sensitivity_is_unknown if {
	r := _result(testing.with_item(fx, "systems", 3, {"sensitive": null}))
	testing.lacking(r) == {"4.7.access_review"}
}

test_insufficient_when_a_persons_status_is_unknown if {
	r := _result(testing.with_item(fx, "personnel", 2, {"status": "on_leave"}))
	testing.lacking(r) == {"4.7.separation"}
	testing.mentions(r, "4.7.separation", "unknown employment status on_leave")
}

test_insufficient_when_a_leavers_account_state_is_unknown if {
	r := _result(_account(3, {"enabled": null}))
	testing.lacking(r) == {"4.7.separation", "4.7.dormant_accounts"}
}
