package ctpat.criteria.c4_2_test

import rego.v1

import data.ctpat.criteria.c4_2
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c4_2.result with input as doc
}

_workstation(patch) := testing.with_item(fx, "endpoints", 0, patch)

test_pass_on_the_compliant_document if {
	r := _result(fx)
	r.status == "pass"
	r.requirement == "must"
	count(r.sub_items) == 8
}

test_fail_when_antimalware_is_disabled if {
	r := _result(_workstation({"antimalware": {"enabled": false}}))
	testing.failing(r) == {"4.2.antimalware"}
	testing.mentions(r, "4.2.antimalware", "TGL-WS-014: anti-malware is disabled")
}

test_fail_when_realtime_protection_is_off if {
	r := _result(_workstation({"antimalware": {"realtime": false}}))
	testing.failing(r) == {"4.2.antimalware"}
	testing.mentions(r, "4.2.antimalware", "real-time protection is off")
}

test_phones_need_no_antimalware_or_host_firewall if {
	phone := object.remove(fx.endpoints[3], ["antimalware", "firewall"])
	r := _result(testing.replace_item(fx, "endpoints", 3, phone))
	r.status == "pass"
}

test_fail_when_signatures_are_too_old if {
	r := _result(_workstation({"antimalware": {"signature_age_days": 8}}))
	testing.failing(r) == {"4.2.signatures"}
	testing.mentions(r, "4.2.signatures", "8 days old; at most 7 days are allowed")
}

test_signature_age_threshold_can_be_overridden if {
	doc := object.union(_workstation({"antimalware": {"signature_age_days": 8}}), {"thresholds": {"antimalware_signature_max_age_days": 10}})
	_result(doc).status == "pass"
}

test_fail_when_a_firewall_profile_is_off if {
	r := _result(_workstation({"firewall": {"profiles": {"public": false}}}))
	testing.failing(r) == {"4.2.firewall"}
	testing.mentions(r, "4.2.firewall", "off for profile public")
}

test_fail_when_the_firewall_is_disabled if {
	r := _result(_workstation({"firewall": {"enabled": false}}))
	testing.failing(r) == {"4.2.firewall"}
}

test_insufficient_when_a_firewall_profile_is_unknown if {
	r := _result(_workstation({"firewall": {"profiles": {"public": null}}}))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.2.firewall"}
}

test_fail_when_the_perimeter_firewall_allows_inbound if {
	doc := object.union(fx, {"network": {"perimeter_firewalls": [object.union(fx.network.perimeter_firewalls[0], {"default_inbound_action": "allow"})]}})
	r := _result(doc)
	testing.failing(r) == {"4.2.perimeter_firewall"}
	testing.mentions(r, "4.2.perimeter_firewall", "edge-fw01: allows inbound traffic by default")
}

test_fail_when_no_perimeter_firewall_is_recorded if {
	r := _result(object.union(fx, {"network": {"perimeter_firewalls": []}}))
	testing.failing(r) == {"4.2.perimeter_firewall"}
}

test_fail_when_a_security_update_is_overdue if {
	r := _result(testing.with_item(fx, "endpoints", 1, {"patches": {"oldest_pending_since": "2026-10-20"}}))
	testing.failing(r) == {"4.2.patches"}
	testing.mentions(r, "4.2.patches", "TGL-WS-022: 2 security updates pending since 2026-10-20, 38 days")
}

test_pending_updates_within_the_grace_period_pass if {
	# The fixture's TGL-WS-022 has 2 updates pending for 15 days.
	fx.endpoints[1].patches.pending_security_updates == 2
	_result(fx).status == "pass"
}

test_insufficient_when_the_age_of_pending_updates_is_unknown if {
	r := _result(testing.with_item(fx, "endpoints", 1, {"patches": {"oldest_pending_since": null}}))
	testing.lacking(r) == {"4.2.patches"}
}

test_fail_without_an_approved_social_engineering_procedure if {
	r := _result(testing.with_program_item(fx, "procedures", 0, {"approved_on": null}))
	testing.failing(r) == {"4.2.social_engineering"}
	testing.mentions(r, "4.2.social_engineering", "No approved social-engineering prevention procedure")
}

test_fail_without_a_recovery_procedure if {
	r := _result(testing.with_program_item(fx, "procedures", 2, {"kind": "other"}))
	testing.failing(r) == {"4.2.recovery_plan"}
	testing.mentions(r, "4.2.recovery_plan", "kind 'recovery'")
}

test_fail_without_an_incident_response_procedure if {
	r := _result(testing.with_program_item(fx, "procedures", 1, {"kind": "other"}))
	testing.failing(r) == {"4.2.recovery_plan"}
}

test_fail_when_the_last_successful_restore_test_is_too_old if {
	r := _result(testing.with_program_item(fx, "restore_tests", 0, {"performed_on": "2026-08-01"}))
	testing.failing(r) == {"4.2.restore_test"}
	testing.mentions(r, "4.2.restore_test", "The newest successful restore test is from 2026-08-01, 118 days")
}

test_fail_when_no_restore_test_succeeded if {
	r := _result(testing.with_program_item(fx, "restore_tests", 0, {"successful": false}))
	testing.failing(r) == {"4.2.restore_test"}
	testing.mentions(r, "4.2.restore_test", "No successful restore test is recorded.")
}

test_insufficient_evidence_without_endpoints if {
	r := _result(testing.without(fx, "endpoints"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.2.antimalware", "4.2.firewall", "4.2.signatures", "4.2.patches"}
	testing.mentions(r, "4.2.patches", "endpoints is missing")
}

test_insufficient_evidence_when_a_host_lacks_antimalware_data if {
	r := _result(testing.replace_item(fx, "endpoints", 2, object.remove(fx.endpoints[2], ["antimalware"])))
	testing.lacking(r) == {"4.2.antimalware", "4.2.signatures"}
	testing.mentions(r, "4.2.antimalware", "anti-malware on TGL-SRV-01 is missing")
}

test_insufficient_evidence_without_restore_tests if {
	r := _result(testing.without_program(fx, "restore_tests"))
	testing.lacking(r) == {"4.2.restore_test"}
}

test_insufficient_evidence_on_empty_input if {
	r := _result({})
	r.status == "insufficient_evidence"
	count(testing.lacking(r)) == 8
}

test_stale_antimalware_export_is_insufficient if {
	doc := testing.collected_on(fx, "endpoints/defender-status.csv", "2026-11-01")
	r := _result(doc)
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.2.antimalware", "4.2.signatures", "4.2.firewall"}
	testing.mentions(r, "4.2.antimalware", "evidence collected 26 days before 2026-11-27 is stale (at most 7 days allowed for endpoints evidence)")
}

test_stale_evidence_hides_no_violation_elsewhere if {
	doc := testing.collected_on(testing.with_program_item(fx, "restore_tests", 0, {"successful": false}), "endpoints/defender-status.csv", "2026-11-01")
	_result(doc).status == "fail"
}

test_waived_when_the_waiver_covers_the_failing_sub_item if {
	w := testing.waiver("4.2", "4.2.perimeter_firewall", "2027-03-31")
	doc := testing.waived(object.union(fx, {"network": {"perimeter_firewalls": []}}), w)
	r := _result(doc)
	r.status == "waived"
	r.waivers == [w]
	testing.failing(r) == {"4.2.perimeter_firewall"}
}

test_not_waived_when_another_sub_item_also_fails if {
	w := testing.waiver("4.2", "4.2.perimeter_firewall", "2027-03-31")
	base := object.union(_workstation({"antimalware": {"enabled": false}}), {"network": {"perimeter_firewalls": []}})
	r := _result(testing.waived(base, w))
	r.status == "fail"
}

test_expired_waiver_fails_with_a_finding if {
	w := testing.waiver("4.2", null, "2026-10-31")
	r := _result(testing.waived(_workstation({"antimalware": {"enabled": false}}), w))
	r.status == "fail"
	r.waivers == []
	testing.mentions(r, "4.2", "expired on 2026-10-31")
}

test_insufficient_when_only_personal_devices_are_listed if {
	r := _result(object.union(fx, {"endpoints": [fx.endpoints[3]]}))
	testing.lacking(r) == {"4.2.antimalware", "4.2.firewall", "4.2.signatures", "4.2.patches"}
	testing.mentions(r, "4.2.patches", "no company device")
}

test_insufficient_when_the_signature_age_is_unknown if {
	r := _result(_workstation({"antimalware": {"signature_age_days": null}}))
	testing.lacking(r) == {"4.2.signatures"}
}

test_disabled_firewall_message_names_no_profile if {
	r := _result(_workstation({"firewall": {"enabled": false, "profiles": {}}}))
	"TGL-WS-014: the host firewall is off." in testing.messages(r, "4.2.firewall")
}

test_firewall_profiles_alone_can_show_it_is_on if {
	_result(_workstation({"firewall": {"enabled": null}})).status == "pass"
}

test_stale_perimeter_firewall_export_is_insufficient if {
	r := _result(testing.collected_on(fx, "network/perimeter-fw.xml", "2026-09-01"))
	testing.lacking(r) == {"4.2.perimeter_firewall"}
}

test_a_part_without_source_uses_its_hosts_source if {
	av := object.remove(fx.endpoints[0].antimalware, ["source"])
	doc := testing.collected_on(testing.replace_item(fx, "endpoints", 0, object.union(object.remove(fx.endpoints[0], ["antimalware"]), {"antimalware": av})), "endpoints/intune-managed-devices.json", "2026-11-01")
	r := _result(doc)
	testing.mentions(r, "4.2.antimalware", "anti-malware on TGL-WS-014: evidence collected 26 days")
}

test_items_without_any_source_are_still_checked if {
	host := object.remove(fx.endpoints[0], ["source", "antimalware"])
	doc := testing.replace_item(fx, "endpoints", 0, object.union(host, {"antimalware": {"enabled": false, "realtime": true, "signature_age_days": 0}}))
	r := _result(doc)
	testing.failing(r) == {"4.2.antimalware"}
	[f] := [g | some g in r.findings; g.sub_item == "4.2.antimalware"]
	f.evidence == []
}

test_findings_point_at_the_evidence_line if {
	r := _result(_workstation({"antimalware": {"enabled": false}}))
	[f] := [g | some g in r.findings; g.sub_item == "4.2.antimalware"]
	f.evidence == [{"file": "endpoints/defender-status.csv", "line": 2}]
}
