package ctpat.criteria.c4_8_test

import rego.v1

import data.ctpat.criteria.c4_8
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c4_8.result with input as doc
}

_account(i, patch) := testing.with_item(fx, "accounts", i, patch)

# Fixture password policies: 0 = AD domain default (no MFA), 1 = Entra sign-in (MFA).
_policy(i, patch) := testing.with_item(fx, "password_policies", i, patch)

test_pass_on_the_compliant_document if {
	_result(fx).status == "pass"
}

test_fail_for_a_shared_account if {
	r := _result(_account(2, {"shared": true}))
	testing.failing(r) == {"4.8.individual_accounts"}
	testing.mentions(r, "4.8.individual_accounts", "Account gokafor@ad is shared or generic and has no documented exception.")
}

test_documented_exception_allows_a_shared_account if {
	_result(_account(2, {"shared": true, "exception": "EXC-2026-09 warehouse scanner"})).status == "pass"
}

test_fail_for_an_account_without_owner if {
	r := _result(_account(2, {"person_id": null}))
	testing.failing(r) == {"4.8.individual_accounts"}
	testing.mentions(r, "4.8.individual_accounts", "has no named owner")
}

test_fail_for_an_owner_missing_from_the_roster if {
	r := _result(_account(2, {"person_id": "P-9999"}))
	testing.failing(r) == {"4.8.individual_accounts"}
	testing.mentions(r, "4.8.individual_accounts", "belongs to P-9999, who is not in the HR roster")
}

test_insufficient_when_sharing_is_unknown if {
	r := _result(_account(2, {"shared": null}))
	testing.lacking(r) == {"4.8.individual_accounts"}
}

test_fail_for_a_short_password_without_mfa if {
	r := _result(_policy(0, {"min_length": 12}))
	testing.failing(r) == {"4.8.password_length"}
	testing.mentions(r, "4.8.password_length", "Password policy domain default requires 12 characters; at least 14 are required without MFA (CIS default, Controls v8 5.2: 14 characters without MFA)")
}

test_fail_for_a_short_password_with_mfa if {
	r := _result(_policy(1, {"min_length": 6}))
	testing.failing(r) == {"4.8.password_length"}
	testing.mentions(r, "4.8.password_length", "at least 8 are required with MFA")
}

test_fail_when_even_the_mfa_minimum_is_not_met_and_mfa_is_unknown if {
	r := _result(_policy(1, {"min_length": 6, "mfa_required": null}))
	testing.failing(r) == {"4.8.password_length"}
	testing.mentions(r, "4.8.password_length", "required even with MFA")
}

test_insufficient_when_mfa_is_unknown_for_a_medium_length if {
	r := _result(_policy(1, {"min_length": 10, "mfa_required": null}))
	testing.lacking(r) == {"4.8.password_length"}
}

test_minimum_lengths_can_be_overridden if {
	doc := object.union(_policy(0, {"min_length": 12}), {"thresholds": {"password_min_length_without_mfa": 12}})
	_result(doc).status == "pass"
}

test_fail_without_lockout if {
	r := _result(_policy(0, {"lockout_threshold": 0}))
	testing.failing(r) == {"4.8.lockout"}
	testing.mentions(r, "4.8.lockout", "never locks an account")
}

test_fail_for_a_lax_lockout if {
	r := _result(_policy(0, {"lockout_threshold": 50}))
	testing.failing(r) == {"4.8.lockout"}
}

test_fail_without_any_password_policy if {
	r := _result(object.union(fx, {"password_policies": []}))
	testing.failing(r) == {"4.8.password_length", "4.8.lockout"}
}

test_fail_for_a_privileged_account_without_mfa if {
	r := _result(_account(0, {"mfa_enrolled": false}))
	testing.failing(r) == {"4.8.mfa"}
	testing.mentions(r, "4.8.mfa", "Privileged account malvarez@ad is not enrolled in MFA (CIS default, Controls v8 6.5)")
}

test_mfa_for_privileged_accounts_can_be_switched_off if {
	doc := object.union(_account(0, {"mfa_enrolled": false}), {"thresholds": {"require_mfa_for_privileged": false}})
	r := _result(doc)
	r.status == "pass"
	testing.sub_status(r, "4.8.mfa") == "not_applicable"
}

test_fail_when_credentials_were_reset_late if {
	r := _result(testing.with_program_item(fx, "credential_compromises", 0, {"reset_on": "2026-08-10"}))
	testing.failing(r) == {"4.8.compromise_reset"}
	testing.mentions(r, "4.8.compromise_reset", "changed only on 2026-08-10, 5 days later; at most 1 days are allowed")
}

test_fail_when_credentials_were_never_reset if {
	r := _result(testing.with_program_item(fx, "credential_compromises", 0, {"reset_on": null}))
	testing.failing(r) == {"4.8.compromise_reset"}
	[f] := [g | some g in r.findings; g.sub_item == "4.8.compromise_reset"]
	f.severity == "critical"
}

test_a_fresh_compromise_is_not_yet_overdue if {
	c := {"id": "SR-5000", "reported_on": "2026-11-27", "account_ids": ["gokafor"], "reset_on": null, "source": testing.src("ctpat.yaml", 92)}
	_result(testing.with_program(fx, "credential_compromises", [c])).status == "pass"
}

test_insufficient_evidence_without_a_compromise_log if {
	r := _result(testing.without_program(fx, "credential_compromises"))
	testing.lacking(r) == {"4.8.compromise_reset"}
}

test_insufficient_evidence_without_accounts_and_policies if {
	r := _result(testing.without(testing.without(fx, "accounts"), "password_policies"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.8.individual_accounts", "4.8.mfa", "4.8.password_length", "4.8.lockout"}
}

test_stale_password_policy_export_is_insufficient if {
	r := _result(testing.collected_on(fx, "identity/ad-password-policy.txt", "2026-08-01"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.8.password_length", "4.8.lockout"}
}

test_waived_lockout if {
	w := testing.waiver("4.8", "4.8.lockout", "2027-01-15")
	r := _result(testing.waived(_policy(0, {"lockout_threshold": 0}), w))
	r.status == "waived"
	r.waivers == [w]
}

test_stale_account_export_is_insufficient if {
	r := _result(testing.collected_on(fx, "identity/ad-users.csv", "2026-11-01"))
	testing.lacking(r) == {"4.8.individual_accounts", "4.8.mfa"}
}

test_insufficient_evidence_without_personnel if {
	r := _result(testing.without(fx, "personnel"))
	testing.lacking(r) == {"4.8.individual_accounts"}
}

test_stale_hr_roster_is_insufficient if {
	r := _result(testing.collected_on(fx, "hr/roster.csv", "2026-11-01"))
	testing.lacking(r) == {"4.8.individual_accounts"}
}

test_insufficient_when_an_account_state_is_unknown if {
	r := _result(_account(3, {"enabled": null}))
	testing.lacking(r) == {"4.8.individual_accounts"}
}

test_long_passwords_pass_even_when_mfa_is_unknown if {
	_result(_policy(0, {"mfa_required": null})).status == "pass"
}

test_insufficient_when_the_lockout_threshold_is_unknown if {
	r := _result(_policy(0, {"lockout_threshold": null}))
	testing.lacking(r) == {"4.8.lockout"}
}

test_insufficient_when_mfa_enrolment_is_unknown if {
	r := _result(_account(0, {"mfa_enrolled": null}))
	testing.lacking(r) == {"4.8.mfa"}
}

test_stale_compromise_log_is_insufficient if {
	r := _result(testing.with_program_item(fx, "credential_compromises", 0, {"source": {"collected_at": "2026-01-01T00:00:00Z"}}))
	testing.lacking(r) == {"4.8.compromise_reset"}
}

test_insufficient_for_a_malformed_compromise_date if {
	r := _result(testing.with_program_item(fx, "credential_compromises", 0, {"reset_on": "soon"}))
	testing.lacking(r) == {"4.8.compromise_reset"}
}
