package ctpat.report_test

import rego.v1

import data.ctpat.report
import data.ctpat.testing
import data.ctpat.testing.fx

_ids := ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12", "4.13", "12.8"]

_should := {"4.4", "4.11", "4.12"}

test_every_criterion_passes_on_the_compliant_document if {
	criteria := report.criteria with input as fx
	[c.id | some c in criteria] == _ids
	every c in criteria {
		c.status == "pass"
	}
	s := report.summary with input as fx
	s == {"compliant": true, "pass": 14, "fail": 0, "insufficient_evidence": 0, "not_applicable": 0, "waived": 0}
}

test_requirements_follow_the_criteria_table if {
	criteria := report.criteria with input as fx
	{c.id | some c in criteria; c.requirement == "should"} == _should
	{c.id | some c in criteria; c.requirement == "must"} == {id | some id in _ids} - _should
}

test_every_result_has_a_title_and_named_sub_items if {
	criteria := report.criteria with input as fx
	every c in criteria {
		count(c.title) > 0
		count(c.sub_items) >= 2
		every s in c.sub_items {
			startswith(s.id, concat("", [c.id, "."]))
		}
	}
}

test_empty_input_passes_nothing_and_names_the_missing_evidence if {
	criteria := report.criteria with input as {}
	every c in criteria {
		c.status == "insufficient_evidence"
		count(c.findings) > 0
		every f in c.findings {
			f.status == "insufficient_evidence"
		}
	}
	s := report.summary with input as {}
	s.compliant == false
	s.pass == 0
	s.insufficient_evidence == 14
}

test_input_with_only_a_date_names_what_is_missing_for_every_sub_item if {
	criteria := report.criteria with input as {"organization": {"as_of": testing.as_of}}
	every c in criteria {
		c.status == "insufficient_evidence"
		every s in c.sub_items {
			s.status in {"insufficient_evidence", "not_applicable"}
		}
	}
	messages := {f.message | some c in criteria; some f in c.findings}
	"No evidence: accounts is missing." in messages
	"No evidence: program.security_tests is missing, so the internal vulnerability scan cannot be checked." in messages
}

test_a_failing_should_criterion_keeps_the_organization_compliant if {
	doc := object.union(fx, {"software": [object.union(fx.software[0], {"license_status": "unlicensed"})]})
	s := report.summary with input as doc
	s.compliant == true
	s.fail == 1
	blocking := report.blocking_criteria with input as doc
	blocking == []
}

test_a_failing_must_criterion_blocks_compliance if {
	doc := testing.with_program(fx, "restore_tests", [])
	s := report.summary with input as doc
	s.compliant == false
	blocking := report.blocking_criteria with input as doc
	blocking == ["4.2"]
}

test_waived_criteria_are_counted_and_keep_compliance if {
	w := testing.waiver("4.2", "4.2.restore_test", "2027-01-31")
	doc := testing.waived(testing.with_program(fx, "restore_tests", []), w)
	s := report.summary with input as doc
	s.waived == 1
	s.compliant == true
}

test_waivers_that_match_nothing_are_reported if {
	unknown_criterion := testing.waiver("4.14", null, "2027-01-31")
	unknown_scope := testing.waiver("4.2", "4.2.antivirus", "2027-01-31")
	known := testing.waiver("4.2", "4.2.patches", "2027-01-31")
	doc := object.union(fx, {"waivers": [unknown_criterion, unknown_scope, known]})
	unmatched := report.unmatched_waivers with input as doc
	unmatched == [unknown_criterion, unknown_scope]
}

test_waivers_without_effect_are_reported if {
	expired := testing.waiver("4.3", null, "2026-01-31")
	no_approver := object.union(testing.waiver("4.5", null, "2027-01-31"), {"approver": " "})
	unused := testing.waiver("4.6", null, "2027-01-31")
	applied := testing.waiver("4.2", null, "2027-01-31")
	base := testing.with_program(fx, "restore_tests", [])
	doc := object.union(base, {"waivers": [expired, no_approver, unused, applied]})
	report.expired_waivers == [expired] with input as doc
	report.invalid_waivers == [no_approver] with input as doc
	report.unused_waivers == [unused] with input as doc
}

test_an_invalid_waiver_does_not_waive if {
	w := object.union(testing.waiver("4.2", null, "2027-01-31"), {"reason": ""})
	doc := testing.waived(testing.with_program(fx, "restore_tests", []), w)
	criteria := report.criteria with input as doc
	criteria[1].status == "fail"
}

# Single violations: each flips one sub-item of the compliant document to a failing value;
# exactly the criterion that owns the sub-item must fail, with that sub-item failing.

_flip_fails_only_its_owner(sub, doc) if {
	criteria := report.criteria with input as doc
	owner := concat(".", array.slice(split(sub, "."), 0, 2))
	{c.id | some c in criteria; c.status == "fail"} == {owner}
	some c in criteria
	c.id == owner
	sub in testing.failing(c)
}

_wrong_flips(flips) := {sub | some sub, doc in flips; not _flip_fails_only_its_owner(sub, doc)}

_program_item(key, i, patch) := testing.with_program_item(fx, key, i, patch)

_item(key, i, patch) := testing.with_item(fx, key, i, patch)

_monitoring(patch) := testing.with_program(fx, "monitoring", object.union(fx.program.monitoring, patch))

test_single_violations_of_4_1_and_4_2 if {
	_wrong_flips({
		"4.1.written_policy": testing.with_program(fx, "policies", [object.union(p, {"approved_on": null}) | some p in fx.program.policies]),
		"4.1.coverage": _program_item("policies", 0, {"covers": array.slice(fx.program.policies[0].covers, 0, 11)}),
		"4.2.antimalware": _item("endpoints", 0, {"antimalware": {"realtime": false}}),
		"4.2.firewall": _item("endpoints", 0, {"firewall": {"profiles": {"public": false}}}),
		"4.2.perimeter_firewall": object.union(fx, {"network": {"perimeter_firewalls": [object.union(fx.network.perimeter_firewalls[0], {"default_inbound_action": "allow"})]}}),
		"4.2.signatures": _item("endpoints", 2, {"antimalware": {"signature_age_days": 30}}),
		"4.2.patches": _item("endpoints", 1, {"patches": {"oldest_pending_since": "2026-09-01"}}),
		"4.2.social_engineering": _program_item("procedures", 0, {"approved_on": null}),
		"4.2.recovery_plan": _program_item("procedures", 2, {"approved_on": null}),
		"4.2.restore_test": _program_item("restore_tests", 0, {"successful": false}),
	}) == set()
}

test_single_violations_of_4_3_and_4_4 if {
	_wrong_flips({
		"4.3.internal_scan": _program_item("security_tests", 0, {"performed_on": "2026-06-01"}),
		"4.3.external_scan": _program_item("security_tests", 1, {"performed_on": "2026-09-01"}),
		"4.3.remediation": _item("vulnerabilities", 2, {"first_seen": "2026-01-01"}),
		"4.4.sharing_procedure": _program_item("procedures", 6, {"approved_on": null}),
		"4.4.threat_feed": testing.with_program(fx, "threat_intel_feeds", []),
	}) == set()
}

test_single_violations_of_4_5_to_4_7 if {
	_wrong_flips({
		"4.5.unauthorized_access": _monitoring({"logging": {"centralized": false}}),
		"4.5.improper_access": _monitoring({"web_filtering": {"enabled": false}}),
		"4.5.data_tampering": _monitoring({"integrity_monitoring": {"enabled": false}}),
		"4.5.log_review": _monitoring({"log_reviews": [object.union(fx.program.monitoring.log_reviews[0], {"reviewed_on": "2026-11-01"})]}),
		"4.5.discipline": _program_item("violations", 0, {"case_id": null}),
		"4.6.annual_review": _program_item("policies", 1, {"last_reviewed_on": "2025-06-01"}),
		"4.6.event_review": _program_item("incidents", 0, {"occurred_on": "2026-08-25"}),
		"4.7.role_based_access": _item("accounts", 1, {"groups": ["Domain Users", "WMS Users", "IT Admins"]}),
		"4.7.access_review": _program_item("access_reviews", 0, {"completed_on": "2025-06-01"}),
		"4.7.separation": _item("accounts", 3, {"last_logon": "2026-10-05T08:00:00Z"}),
		"4.7.dormant_accounts": _item("accounts", 2, {"last_logon": "2026-09-01T08:00:00Z"}),
	}) == set()
}

test_single_violations_of_4_8_to_4_10 if {
	_wrong_flips({
		"4.8.individual_accounts": _item("accounts", 2, {"shared": true}),
		"4.8.password_length": _item("password_policies", 0, {"min_length": 10}),
		"4.8.lockout": _item("password_policies", 0, {"lockout_threshold": 0}),
		"4.8.mfa": _item("accounts", 0, {"mfa_enrolled": false}),
		"4.8.compromise_reset": _program_item("credential_compromises", 0, {"reset_on": null}),
		"4.9.secure_technology": _item("remote_access", 0, {"weaknesses": ["static key"]}),
		"4.9.mfa": _item("remote_access", 0, {"mfa_enforced": false}),
		"4.9.no_direct_exposure": object.union(fx, {"network": {"external_exposure": {"open_services": [{"address": "203.0.113.11", "port": 3389, "service": "rdp"}]}}}),
		"4.9.procedure": _program_item("procedures", 3, {"approved_on": null}),
		"4.9.authorized_users": _item("remote_access", 0, {"users": ["malvarez", "dpatel", "gokafor"]}),
		"4.10.byod_policy": _program_item("procedures", 4, {"approved_on": null}),
		"4.10.device_compliance": _item("endpoints", 3, {"mdm_compliant": false}),
		"4.10.updates": _item("endpoints", 3, {"patches": {"pending_security_updates": 3, "oldest_pending_since": "2026-09-01"}}),
		"4.10.secure_access": object.union(fx, {"network": {"access_control": {"unmanaged_devices_blocked": false}}}),
		"4.10.removable_media": object.union(fx, {"device_control": {"removable_media": "allowed"}}),
	}) == set()
}

test_single_violations_of_4_11_to_12_8 if {
	_wrong_flips({
		"4.11.policy": _program_item("procedures", 7, {"approved_on": null}),
		"4.11.licensed": _item("software", 1, {"license_status": "unlicensed"}),
		"4.11.license_count": _item("software", 2, {"installations": 30}),
		"4.11.approved_software": _item("software", 1, {"name": "WinRAR"}),
		"4.12.backup_frequency": _item("backups", 3, {"last_success_at": "2026-11-01T22:05:00Z"}),
		"4.12.offsite_copy": _item("backups", 2, {"offsite": false}),
		"4.12.backup_isolation": _item("backups", 0, {"network_isolated": false}),
		"4.12.backup_encryption": _item("backups", 1, {"encrypted": false}),
		"4.12.data_encryption": _item("systems", 1, {"encryption_at_rest": {"enabled": false}}),
		"4.13.inventory": _program_item("inventory_reconciliations", 1, {"reconciled_on": "2026-01-01"}),
		"4.13.sanitization": _program_item("sanitization_records", 0, {"verifier": null}),
		"12.8.cyber_training": _program_item("trainings", 2, {"completed_on": "2025-06-01"}),
		"12.8.password_training": _program_item("trainings", 2, {"topics": ["cybersecurity_policy"]}),
	}) == set()
}
