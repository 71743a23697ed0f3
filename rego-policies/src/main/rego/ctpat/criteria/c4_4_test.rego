package ctpat.criteria.c4_4_test

import rego.v1

import data.ctpat.criteria.c4_4
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c4_4.result with input as doc
}

test_pass_on_the_compliant_document if {
	r := _result(fx)
	r.status == "pass"
	r.requirement == "should"
}

test_fail_without_an_approved_sharing_procedure if {
	r := _result(testing.with_program_item(fx, "procedures", 6, {"approved_on": null}))
	testing.failing(r) == {"4.4.sharing_procedure"}
	testing.mentions(r, "4.4.sharing_procedure", "kind 'threat_sharing'")
}

test_fail_without_a_threat_feed if {
	r := _result(testing.with_program(fx, "threat_intel_feeds", []))
	testing.failing(r) == {"4.4.threat_feed"}
	testing.mentions(r, "4.4.threat_feed", "No threat-information subscription is recorded.")
}

test_insufficient_evidence_without_procedures_or_feeds if {
	r := _result(testing.without_program(testing.without_program(fx, "procedures"), "threat_intel_feeds"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.4.sharing_procedure", "4.4.threat_feed"}
}

test_stale_program_file_is_insufficient if {
	r := _result(testing.collected_on(fx, "ctpat.yaml", "2026-10-01"))
	r.status == "insufficient_evidence"
	testing.mentions(r, "4.4.threat_feed", "threat feed CISA Cybersecurity Advisories: evidence collected 57 days before 2026-11-27 is stale")
	testing.mentions(r, "4.4.sharing_procedure", "procedure PRC-07")
}

test_waived_missing_feed if {
	w := testing.waiver("4.4", "4.4.threat_feed", "2027-01-31")
	r := _result(testing.waived(testing.with_program(fx, "threat_intel_feeds", []), w))
	r.status == "waived"
	testing.mentions(r, "4.4.threat_feed", "No threat-information subscription")
}
