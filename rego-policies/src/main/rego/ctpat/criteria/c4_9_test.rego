package ctpat.criteria.c4_9_test

import rego.v1

import data.ctpat.criteria.c4_9
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c4_9.result with input as doc
}

_gateway(patch) := testing.with_item(fx, "remote_access", 0, patch)

_open_ports(services) := object.union(fx, {"network": {"external_exposure": {"open_services": services}}})

test_pass_on_the_compliant_document if {
	_result(fx).status == "pass"
}

test_not_applicable_when_remote_access_is_forbidden_and_absent if {
	doc := testing.with_program(object.union(fx, {"remote_access": []}), "remote_access_permitted", false)
	r := _result(doc)
	r.status == "not_applicable"
}

test_gateways_are_checked_even_when_the_program_forbids_remote_access if {
	doc := testing.with_program(_gateway({"mfa_enforced": false}), "remote_access_permitted", false)
	testing.failing(_result(doc)) == {"4.9.mfa"}
}

test_fail_for_rdp_exposed_to_the_internet if {
	r := _result(_gateway({"kind": "rdp"}))
	testing.failing(r) == {"4.9.secure_technology"}
	testing.mentions(r, "4.9.secure_technology", "Gateway vpn-main exposes RDP directly to the internet.")
}

test_fail_for_weak_gateway_settings if {
	r := _result(_gateway({"weaknesses": ["static key", "compression enabled"]}))
	testing.failing(r) == {"4.9.secure_technology"}
	testing.mentions(r, "4.9.secure_technology", "weak settings: compression enabled, static key")
}

test_fail_for_old_tls if {
	r := _result(_gateway({"tls_min_version": "1.0"}))
	testing.failing(r) == {"4.9.secure_technology"}
	testing.mentions(r, "4.9.secure_technology", "accepts TLS 1.0; at least TLS 1.2 is required")
}

test_insufficient_when_weaknesses_are_unknown if {
	r := _result(_gateway({"weaknesses": null}))
	testing.lacking(r) == {"4.9.secure_technology"}
}

test_fail_without_mfa if {
	r := _result(_gateway({"mfa_enforced": false}))
	testing.failing(r) == {"4.9.mfa"}
	testing.mentions(r, "4.9.mfa", "gateway vpn-main: MFA is not enforced (CIS default, Controls v8 6.4)")
}

test_fail_for_rdp_port_open_to_the_internet if {
	r := _result(_open_ports([{"address": "203.0.113.10", "port": 3389, "service": "ms-wbt-server"}]))
	testing.failing(r) == {"4.9.no_direct_exposure"}
	testing.mentions(r, "4.9.no_direct_exposure", "Port 3389 (ms-wbt-server) is open to the internet on 203.0.113.10.")
}

test_forbidden_ports_can_be_overridden if {
	doc := object.union(_open_ports([{"address": "203.0.113.10", "port": 22, "service": "ssh"}]), {"thresholds": {"forbidden_exposed_ports": [22, 3389]}})
	testing.failing(_result(doc)) == {"4.9.no_direct_exposure"}
}

test_insufficient_when_the_external_port_scan_is_old if {
	r := _result(object.union(fx, {"network": {"external_exposure": {"scanned_on": "2026-09-01"}}}))
	testing.lacking(r) == {"4.9.no_direct_exposure"}
	testing.mentions(r, "4.9.no_direct_exposure", "The newest external port scan is from 2026-09-01, 87 days")
}

test_fail_without_a_remote_access_procedure if {
	r := _result(testing.with_program_item(fx, "procedures", 3, {"approved_on": null}))
	testing.failing(r) == {"4.9.procedure"}
}

test_fail_for_an_unauthorized_remote_user if {
	r := _result(_gateway({"users": ["malvarez", "dpatel", "gokafor"]}))
	testing.failing(r) == {"4.9.authorized_users"}
	testing.mentions(r, "4.9.authorized_users", "User gokafor can connect through gateway vpn-main without a recorded authorization.")
}

test_insufficient_when_gateway_users_are_unknown if {
	r := _result(_gateway({"users": null}))
	testing.lacking(r) == {"4.9.authorized_users"}
}

test_insufficient_evidence_without_gateways if {
	r := _result(testing.without(fx, "remote_access"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.9.secure_technology", "4.9.mfa", "4.9.authorized_users"}
}

test_insufficient_when_no_gateway_is_listed_and_remote_access_is_not_forbidden if {
	r := _result(object.union(fx, {"remote_access": []}))
	testing.lacking(r) == {"4.9.secure_technology"}
}

test_insufficient_evidence_without_an_external_port_scan if {
	r := _result(object.union(fx, {"network": {"external_exposure": null}}))
	testing.lacking(r) == {"4.9.no_direct_exposure"}
}

test_stale_gateway_configuration_is_insufficient if {
	r := _result(testing.collected_on(fx, "network/openvpn/server.conf", "2026-07-01"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.9.secure_technology", "4.9.mfa", "4.9.authorized_users"}
}

test_waived_exposed_port if {
	w := testing.waiver("4.9", "4.9.no_direct_exposure", "2026-12-01")
	r := _result(testing.waived(_open_ports([{"address": "203.0.113.10", "port": 445, "service": null}]), w))
	r.status == "waived"
	testing.mentions(r, "4.9.no_direct_exposure", "Port 445 (unknown service)")
}

test_mfa_for_remote_access_can_be_switched_off if {
	r := _result(object.union(_gateway({"mfa_enforced": false}), {"thresholds": {"require_mfa_for_remote_access": false}}))
	r.status == "pass"
	testing.sub_status(r, "4.9.mfa") == "not_applicable"
}

test_insufficient_when_the_external_port_scan_is_unreadable if {
	r := _result(object.union(fx, {"network": {"external_exposure": {"open_services": null}}}))
	testing.lacking(r) == {"4.9.no_direct_exposure"}
}

test_insufficient_evidence_without_authorizations if {
	r := _result(testing.without_program(fx, "remote_access_authorizations"))
	testing.lacking(r) == {"4.9.authorized_users"}
}

test_stale_authorizations_are_insufficient if {
	r := _result(testing.with_program_item(fx, "remote_access_authorizations", 0, {"source": {"collected_at": "2026-01-01T00:00:00Z"}}))
	testing.lacking(r) == {"4.9.authorized_users"}
}

test_overridden_thresholds_are_named_as_local_settings if {
	doc := object.union(_gateway({"tls_min_version": "1.2"}), {"thresholds": {"min_tls_version": "1.3"}})
	r := _result(doc)
	testing.mentions(r, "4.9.secure_technology", "at least TLS 1.3 is required (local setting)")
}
