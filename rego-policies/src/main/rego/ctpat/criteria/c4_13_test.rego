package ctpat.criteria.c4_13_test

import rego.v1

import data.ctpat.criteria.c4_13
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c4_13.result with input as doc
}

# Fixture sanitization record 0 covers the disposed disk HDD-0007 (media inventory item 2).
_record(patch) := testing.with_program_item(fx, "sanitization_records", 0, patch)

test_pass_on_the_compliant_document if {
	_result(fx).status == "pass"
}

test_fail_when_the_hardware_inventory_is_not_reconciled_recently if {
	r := _result(testing.with_program_item(fx, "inventory_reconciliations", 0, {"reconciled_on": "2026-04-01"}))
	testing.failing(r) == {"4.13.inventory"}
	testing.mentions(r, "4.13.inventory", "The newest hardware inventory reconciliation is from 2026-04-01, 240 days before 2026-11-27; at most 182 days are allowed (CIS default, Controls v8 1.1: twice a year)")
}

test_fail_without_a_removable_media_inventory if {
	r := _result(testing.with_program_item(fx, "inventory_reconciliations", 1, {"scope": "hardware"}))
	testing.failing(r) == {"4.13.inventory"}
	testing.mentions(r, "4.13.inventory", "No removable media inventory reconciliation is recorded.")
}

test_fail_for_a_disposed_asset_without_record if {
	r := _result(testing.with_program(fx, "sanitization_records", []))
	testing.failing(r) == {"4.13.sanitization"}
	testing.mentions(r, "4.13.sanitization", "Asset HDD-0007 is disposed but has no sanitization record.")
}

test_fail_for_a_retired_asset_without_record if {
	r := _result(testing.with_program_item(fx, "media_inventory", 1, {"status": "retired"}))
	testing.failing(r) == {"4.13.sanitization"}
	testing.mentions(r, "4.13.sanitization", "Asset USB-0012 is retired")
}

test_fail_for_a_method_outside_nist_800_88 if {
	r := _result(_record({"method": null}))
	testing.failing(r) == {"4.13.sanitization"}
	testing.mentions(r, "4.13.sanitization", "names no NIST SP 800-88 method")
}

test_fail_for_an_unverified_sanitization if {
	r := _result(_record({"verifier": ""}))
	testing.failing(r) == {"4.13.sanitization"}
	testing.mentions(r, "4.13.sanitization", "names no verifier")
}

test_fail_for_a_vendor_without_certificate if {
	r := _result(_record({"certificate": null}))
	testing.failing(r) == {"4.13.sanitization"}
	testing.mentions(r, "4.13.sanitization", "names a vendor but no certificate")
}

test_in_house_sanitization_needs_no_certificate if {
	_result(_record({"vendor": null, "certificate": null, "method": "purge"})).status == "pass"
}

test_insufficient_evidence_without_media_inventory if {
	r := _result(testing.without_program(fx, "media_inventory"))
	testing.lacking(r) == {"4.13.sanitization"}
}

test_insufficient_evidence_without_sanitization_log_when_assets_were_disposed if {
	r := _result(testing.without_program(fx, "sanitization_records"))
	testing.lacking(r) == {"4.13.sanitization"}
	testing.mentions(r, "4.13.sanitization", "program.sanitization_records is missing")
}

test_insufficient_evidence_without_reconciliations if {
	r := _result(testing.without_program(fx, "inventory_reconciliations"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.13.inventory"}
}

test_stale_program_file_is_insufficient if {
	r := _result(testing.collected_on(fx, "ctpat.yaml", "2026-10-01"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.13.inventory", "4.13.sanitization"}
}

test_waived_missing_certificate if {
	w := testing.waiver("4.13", null, "2027-01-31")
	r := _result(testing.waived(_record({"certificate": null}), w))
	r.status == "waived"
	r.waivers == [w]
}

test_stale_sanitization_record_is_insufficient if {
	r := _result(_record({"source": {"collected_at": "2026-09-01T00:00:00Z"}}))
	testing.lacking(r) == {"4.13.sanitization"}
	testing.mentions(r, "4.13.sanitization", "sanitization record HDD-0007: evidence collected 87 days")
}

test_stale_media_inventory_item_is_insufficient if {
	r := _result(testing.with_program_item(fx, "media_inventory", 0, {"source": {"collected_at": "2026-09-01T00:00:00Z"}}))
	testing.lacking(r) == {"4.13.sanitization"}
	testing.mentions(r, "4.13.sanitization", "asset LT-0042")
}
