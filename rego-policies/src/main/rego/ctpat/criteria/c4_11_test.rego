package ctpat.criteria.c4_11_test

import rego.v1

import data.ctpat.criteria.c4_11
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c4_11.result with input as doc
}

# Fixture software 0 is Microsoft 365 Apps (38 installations, 45 licences).
_title(patch) := testing.with_item(fx, "software", 0, patch)

test_pass_on_the_compliant_document if {
	r := _result(fx)
	r.status == "pass"
	r.requirement == "should"
}

test_fail_without_a_licensing_procedure if {
	r := _result(testing.with_program_item(fx, "procedures", 7, {"approved_on": null}))
	testing.failing(r) == {"4.11.policy"}
}

test_fail_for_unlicensed_software if {
	r := _result(_title({"license_status": "unlicensed"}))
	testing.failing(r) == {"4.11.licensed"}
	testing.mentions(r, "4.11.licensed", "Microsoft 365 Apps for enterprise is installed without a valid licence.")
}

test_insufficient_for_an_unknown_licence_status if {
	r := _result(_title({"license_status": "unknown"}))
	testing.lacking(r) == {"4.11.licensed"}
}

test_fail_for_more_installations_than_licences if {
	r := _result(_title({"installations": 46}))
	testing.failing(r) == {"4.11.license_count"}
	testing.mentions(r, "4.11.license_count", "installed 46 times but only 45 licences are owned")
}

test_titles_without_entitlements_have_no_count if {
	# 7-Zip (open source) has no entitlement count.
	fx.software[1].entitlements == null
	_result(fx).status == "pass"
}

test_fail_for_software_not_on_the_approved_list if {
	r := _result(_title({"name": "uTorrent"}))
	testing.failing(r) == {"4.11.approved_software"}
	testing.mentions(r, "4.11.approved_software", "uTorrent is installed but not on the approved-software list.")
}

test_approved_list_matches_names_case_insensitively if {
	_result(_title({"name": "MICROSOFT 365 APPS FOR ENTERPRISE"})).status == "pass"
}

test_insufficient_evidence_without_inventory if {
	r := _result(testing.without(fx, "software"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.11.licensed", "4.11.license_count", "4.11.approved_software"}
}

test_insufficient_evidence_for_an_empty_inventory if {
	r := _result(object.union(fx, {"software": []}))
	r.status == "insufficient_evidence"
}

test_stale_inventory_is_insufficient if {
	r := _result(testing.collected_on(fx, "software/sccm-installed-apps.csv", "2026-06-01"))
	r.status == "insufficient_evidence"
	testing.mentions(r, "4.11.licensed", "software 7-Zip: evidence collected 179 days before 2026-11-27 is stale")
}

test_waived_unlicensed_title if {
	w := testing.waiver("4.11", "4.11.licensed", "2026-12-31")
	r := _result(testing.waived(_title({"license_status": "unlicensed"}), w))
	r.status == "waived"
}

test_insufficient_when_installations_are_unknown if {
	r := _result(_title({"installations": null}))
	testing.lacking(r) == {"4.11.license_count"}
}

test_insufficient_evidence_without_an_approved_list if {
	r := _result(testing.without_program(fx, "approved_software"))
	testing.lacking(r) == {"4.11.approved_software"}
	testing.mentions(r, "4.11.approved_software", "program.approved_software is missing")
}

test_stale_approved_list_is_insufficient if {
	stale := object.union(fx.program.approved_software[0], {"source": {"collected_at": "2026-01-01T00:00:00Z"}})
	r := _result(testing.with_program(fx, "approved_software", [stale]))
	testing.lacking(r) == {"4.11.approved_software"}
}
