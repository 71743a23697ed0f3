# METADATA
# title: Inventory and sanitization of media and IT equipment
# description: >-
#   Keep track of all media, hardware and other IT equipment holding sensitive import/export
#   information through regular inventories (including removable media such as USB drives,
#   CDs and DVDs). At disposal, sanitize and/or destroy it according to the NIST Guidelines
#   for Media Sanitization (SP 800-88) or another suitable industry guideline.
# custom:
#   criterion: "4.13"
#   requirement: must
#   sub_items:
#     - id: "4.13.inventory"
#       title: The hardware and removable-media inventories were reconciled recently
#       requirement: must
#     - id: "4.13.sanitization"
#       title: Every retired or disposed asset has a verified NIST SP 800-88 sanitization record (and a certificate when a vendor did it)
#       requirement: must
#   evidence:
#     - program.inventory_reconciliations
#     - program.media_inventory
#     - program.sanitization_records
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["ID.AM-01", "ID.AM-08", "PR.PS-03", "PR.DS-01"]
#     cis_v8: ["1.1", "3.5", "3.2", "3.9"]
package ctpat.criteria.c4_13

import rego.v1

import data.ctpat.lib.criterion
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.recency

result := criterion.result(rego.metadata.chain(), finding, set())

# 4.13.inventory

_reconciliations := evidence.get(["program", "inventory_reconciliations"])

finding contains f if {
	some scope in ["hardware", "removable_media"]
	some f in recency.findings_for(
		"4.13.inventory", "program", ["program", "inventory_reconciliations"],
		[r | some r in evidence.list(_reconciliations); r.scope == scope],
		"reconciled_on", "inventory_max_age_days", sprintf("%s inventory reconciliation", [replace(scope, "_", " ")]),
	)
}

# 4.13.sanitization

_inventory := evidence.get(["program", "media_inventory"])

_records := evidence.get(["program", "sanitization_records"])

_sanitization_remediation := "Sanitize or destroy the media per NIST SP 800-88 (clear, purge or destroy), have it verified, keep the vendor's certificate, and record it."

finding contains evidence.missing_finding("4.13.sanitization", "program.media_inventory", "Keep an inventory of the media and IT equipment holding sensitive data, with their status.") if {
	not evidence.present(_inventory)
}

finding contains f if {
	some f in evidence.stale_findings("4.13.sanitization", "program", _inventory, "asset")
}

finding contains f if {
	some f in evidence.stale_findings("4.13.sanitization", "program", _records, "sanitization record")
}

_out_of_service := [a | some a in evidence.fresh("program", _inventory); a.status in {"retired", "disposed"}]

finding contains evidence.missing_finding("4.13.sanitization", "program.sanitization_records", _sanitization_remediation) if {
	count(_out_of_service) > 0
	not evidence.present(_records)
}

_records_of(asset) := [r | some r in evidence.fresh("program", _records); r.asset_id == asset.asset_id]

finding contains findings.violation(
	"4.13.sanitization",
	sprintf("Asset %s is %s but has no sanitization record.", [evidence.name_of(a), a.status]),
	"high",
	findings.refs(a),
	_sanitization_remediation,
) if {
	evidence.present(_records)
	not evidence.has_stale("program", _records)
	some a in _out_of_service
	count(_records_of(a)) == 0
}

finding contains findings.violation(
	"4.13.sanitization",
	sprintf("Asset %s: the sanitization record %s.", [evidence.name_of(a), concat("; ", _problems(r))]),
	"high",
	findings.refs(r),
	_sanitization_remediation,
) if {
	some a in _out_of_service
	records := _records_of(a)
	count(records) > 0
	every rec in records {
		count(_problems(rec)) > 0
	}
	r := records[0]
}

# _problems(r) lists what makes sanitization record r insufficient.
_problems(r) := array.concat(array.concat(_method_problem(r), _verifier_problem(r)), _certificate_problem(r))

_method_problem(r) := [] if {
	object.get(r, "method", null) in {"clear", "purge", "destroy"}
} else := ["names no NIST SP 800-88 method (clear, purge or destroy)"]

_verifier_problem(r) := [] if {
	evidence.text(object.get(r, "verifier", null))
} else := ["names no verifier"]

_certificate_problem(r) := ["names a vendor but no certificate of sanitization or destruction"] if {
	evidence.text(object.get(r, "vendor", null))
	not evidence.text(object.get(r, "certificate", null))
} else := []
