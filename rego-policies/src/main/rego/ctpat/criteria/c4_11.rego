# METADATA
# title: Measures against counterfeit or improperly licensed technology
# description: >-
#   The cybersecurity policy should include measures against using counterfeit or improperly
#   licensed technology products (unlicensed software cannot be updated, is more likely to
#   carry malware, has no support and exposes the company to penalties).
# custom:
#   criterion: "4.11"
#   requirement: should
#   sub_items:
#     - id: "4.11.policy"
#       title: An approved procedure for buying licensed products from authorised channels
#       requirement: should
#     - id: "4.11.licensed"
#       title: Every installed title is licensed
#       requirement: should
#     - id: "4.11.license_count"
#       title: No title is installed more often than licences are owned
#       requirement: should
#     - id: "4.11.approved_software"
#       title: Every installed title is on the approved-software list
#       requirement: should
#   evidence:
#     - program.procedures
#     - program.approved_software
#     - software
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["ID.RA-09", "ID.AM-02", "PR.PS-05", "GV.SC-05", "GV.SC-07"]
#     cis_v8: ["2.1", "2.3", "2.5", "16.5"]
package ctpat.criteria.c4_11

import rego.v1

import data.ctpat.lib.criterion
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.program

result := criterion.result(rego.metadata.chain(), finding, set())

_software := evidence.get(["software"])

_fresh := evidence.fresh("software", _software)

_inventory_subs := ["4.11.licensed", "4.11.license_count", "4.11.approved_software"]

_inventory_remediation := "Export the software inventory (e.g. SCCM/Intune discovered apps or an SBOM) with licence status and counts."

# 4.11.policy

finding contains f if {
	some f in program.procedure_findings("4.11.policy", "software_licensing", "software procurement and licensing procedure")
}

finding contains evidence.missing_finding(sub, "software", _inventory_remediation) if {
	not evidence.present(_software)
	some sub in _inventory_subs
}

finding contains findings.insufficient(sub, "The software inventory is empty.", [], _inventory_remediation) if {
	_software == []
	some sub in _inventory_subs
}

finding contains f if {
	some sub in _inventory_subs
	some f in evidence.stale_findings(sub, "software", _software, "software")
}

# 4.11.licensed

finding contains findings.violation(
	"4.11.licensed",
	sprintf("%s is installed without a valid licence.", [evidence.name_of(s)]),
	"high",
	findings.refs(s),
	"Buy licences from the publisher or an authorised reseller, or uninstall the software.",
) if {
	some s in _fresh
	s.license_status == "unlicensed"
}

finding contains findings.insufficient(
	"4.11.licensed",
	sprintf("%s: the licence status is unknown.", [evidence.name_of(s)]),
	findings.refs(s),
	"Reconcile the inventory with the licence entitlements.",
) if {
	some s in _fresh
	not object.get(s, "license_status", null) in {"licensed", "unlicensed"}
}

# 4.11.license_count

finding contains findings.violation(
	"4.11.license_count",
	sprintf("%s is installed %v times but only %v licences are owned.", [evidence.name_of(s), s.installations, s.entitlements]),
	"medium",
	findings.refs(s),
	"Buy the missing licences or uninstall the surplus copies.",
) if {
	some s in _fresh
	is_number(s.entitlements)
	is_number(s.installations)
	s.installations > s.entitlements
}

finding contains findings.insufficient(
	"4.11.license_count",
	sprintf("%s: the number of installations is unknown.", [evidence.name_of(s)]),
	findings.refs(s),
	_inventory_remediation,
) if {
	some s in _fresh
	is_number(s.entitlements)
	not is_number(object.get(s, "installations", null))
}

# 4.11.approved_software

_approved_list := evidence.get(["program", "approved_software"])

_approved_names := {lower(a.name) | some a in evidence.fresh("program", _approved_list); is_string(a.name)}

finding contains evidence.missing_finding("4.11.approved_software", "program.approved_software", "Keep an approved-software list in the program file.") if {
	not evidence.present(_approved_list)
}

finding contains f if {
	some f in evidence.stale_findings("4.11.approved_software", "program", _approved_list, "approved title")
}

finding contains findings.violation(
	"4.11.approved_software",
	sprintf("%s is installed but not on the approved-software list.", [evidence.name_of(s)]),
	"medium",
	findings.refs(s),
	"Approve the title after checking its source and licence, or uninstall it; consider application allowlisting.",
) if {
	evidence.present(_approved_list)
	not evidence.has_stale("program", _approved_list)
	some s in _fresh
	is_string(s.name)
	not lower(s.name) in _approved_names
}
