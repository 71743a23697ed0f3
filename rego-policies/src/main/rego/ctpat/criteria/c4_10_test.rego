package ctpat.criteria.c4_10_test

import rego.v1

import data.ctpat.criteria.c4_10
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c4_10.result with input as doc
}

# Fixture endpoint 3 is the personal phone dpatel-iphone.
_phone(patch) := testing.with_item(fx, "endpoints", 3, patch)

_company_only := object.union(fx, {"endpoints": array.slice(fx.endpoints, 0, 3)})

test_pass_on_the_compliant_document if {
	_result(fx).status == "pass"
}

test_device_sub_items_do_not_apply_when_personal_devices_are_forbidden_and_absent if {
	r := _result(testing.with_program(_company_only, "personal_devices_permitted", false))
	r.status == "pass"
	testing.sub_status(r, "4.10.device_compliance") == "not_applicable"
	testing.sub_status(r, "4.10.removable_media") == "pass"
}

test_fail_for_a_personal_device_when_they_are_forbidden if {
	r := _result(testing.with_program(fx, "personal_devices_permitted", false))
	testing.failing(r) == {"4.10.device_compliance"}
	testing.mentions(r, "4.10.device_compliance", "Personal device dpatel-iphone is used although personal devices are not permitted.")
}

test_fail_without_a_byod_procedure if {
	r := _result(testing.with_program_item(fx, "procedures", 4, {"kind": "other"}))
	testing.failing(r) == {"4.10.byod_policy"}
}

test_fail_for_an_unenrolled_personal_device if {
	r := _result(_phone({"mdm_enrolled": false}))
	testing.failing(r) == {"4.10.device_compliance"}
	testing.mentions(r, "4.10.device_compliance", "personal device dpatel-iphone: not enrolled in device management")
}

test_fail_for_a_non_compliant_personal_device if {
	testing.failing(_result(_phone({"mdm_compliant": false}))) == {"4.10.device_compliance"}
}

test_fail_for_an_unencrypted_personal_device if {
	r := _result(_phone({"disk_encryption": {"enabled": false}}))
	testing.failing(r) == {"4.10.device_compliance"}
	testing.mentions(r, "4.10.device_compliance", "storage is not encrypted")
}

test_fail_for_an_outdated_personal_device if {
	r := _result(_phone({"patches": {"pending_security_updates": 1, "oldest_pending_since": "2026-09-01"}}))
	testing.failing(r) == {"4.10.updates"}
}

test_fail_when_unmanaged_devices_can_connect if {
	r := _result(object.union(fx, {"network": {"access_control": {"unmanaged_devices_blocked": false}}}))
	testing.failing(r) == {"4.10.secure_access"}
}

test_fail_when_removable_media_are_allowed if {
	r := _result(object.union(fx, {"device_control": {"removable_media": "allowed"}}))
	testing.failing(r) == {"4.10.removable_media"}
	testing.mentions(r, "4.10.removable_media", "removable storage is allowed without control")
}

test_fail_when_autorun_is_on if {
	r := _result(object.union(fx, {"device_control": {"autorun_disabled": false}}))
	testing.failing(r) == {"4.10.removable_media"}
}

test_insufficient_when_byod_permission_is_unknown if {
	r := _result(testing.without_program(fx, "personal_devices_permitted"))
	testing.lacking(r) == {"4.10.byod_policy"}
}

test_insufficient_evidence_without_device_control_and_endpoints if {
	r := _result(testing.without(testing.without(fx, "device_control"), "endpoints"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.10.removable_media", "4.10.device_compliance", "4.10.updates"}
	testing.mentions(r, "4.10.removable_media", "device_control is missing")
}

test_stale_device_inventory_is_insufficient if {
	r := _result(testing.collected_on(fx, "endpoints/intune-managed-devices.json", "2026-11-15"))
	r.status == "insufficient_evidence"
	# Endpoint evidence may be 7 days old, network evidence (the access-control policy) 30.
	testing.lacking(r) == {"4.10.device_compliance", "4.10.updates"}
}

test_waived_removable_media if {
	w := testing.waiver("4.10", "4.10.removable_media", "2027-01-01")
	r := _result(testing.waived(object.union(fx, {"device_control": {"autorun_disabled": false}}), w))
	r.status == "waived"
}

test_insufficient_when_enrolment_is_unknown if {
	r := _result(_phone({"mdm_enrolled": null}))
	testing.lacking(r) == {"4.10.device_compliance"}
	testing.mentions(r, "4.10.device_compliance", "personal device dpatel-iphone: unknown whether it is enrolled in device management")
}
