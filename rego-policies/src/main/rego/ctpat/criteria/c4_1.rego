# METADATA
# title: Written cybersecurity policies and procedures
# description: >-
#   Keep a complete, written set of cybersecurity policies and/or procedures that protect IT
#   systems; at minimum it addresses every other cybersecurity criterion (4.2 to 4.13).
#   Members are encouraged to base it on a recognised framework such as the NIST CSF.
# custom:
#   criterion: "4.1"
#   requirement: must
#   sub_items:
#     - id: "4.1.written_policy"
#       title: An approved, dated written cybersecurity policy exists
#       requirement: must
#     - id: "4.1.coverage"
#       title: The approved policies address every criterion 4.2 to 4.13 (coverage matrix)
#       requirement: must
#   evidence:
#     - program.policies
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["GV.PO-01", "GV.RR-02", "GV.OC-03"]
#     cis_v8: ["3.1", "4.1", "7.1", "8.1", "11.1", "14.1", "17.4"]
package ctpat.criteria.c4_1

import rego.v1

import data.ctpat.lib.criterion
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.program

result := criterion.result(rego.metadata.chain(), finding, set())

_policies := evidence.get(["program", "policies"])

_fresh := evidence.fresh("program", _policies)

_approved := [p | some p in _fresh; program.approved(p)]

_required := ["4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12", "4.13"]

_covered := {c | some p in _approved; some c in evidence.list(p.covers)}

_uncovered := [c | some c in _required; not c in _covered]

_remediation := "Approve a written cybersecurity policy (e.g. based on the NIST CSF) and list it in program.policies with its approval date and the criteria it covers."

# 4.1.written_policy

finding contains evidence.missing_finding("4.1.written_policy", "program.policies", _remediation) if {
	not evidence.present(_policies)
}

finding contains f if {
	some f in evidence.stale_findings("4.1.written_policy", "program", _policies, "policy")
}

finding contains findings.violation(
	"4.1.written_policy",
	"No approved cybersecurity policy: no entry of program.policies has an approval date.",
	"high",
	[r | some p in _fresh; some r in findings.refs(p)],
	_remediation,
) if {
	evidence.present(_policies)
	not evidence.has_stale("program", _policies)
	count(_approved) == 0
}

# 4.1.coverage

finding contains findings.violation(
	"4.1.coverage",
	sprintf("The approved policies do not address criteria %s.", [concat(", ", _uncovered)]),
	"high",
	[r | some p in _approved; some r in findings.refs(p)],
	"Add a section or procedure for each missing criterion and list it in the policy's covers.",
) if {
	count(_approved) > 0
	count(_uncovered) > 0
	not evidence.has_stale("program", _policies)
}

finding contains findings.insufficient(
	"4.1.coverage",
	"Coverage of criteria 4.2 to 4.13 cannot be checked: no approved policy with current evidence.",
	[],
	_remediation,
) if {
	count(_uncovered) > 0
	count(_approved) == 0
}

finding contains findings.insufficient(
	"4.1.coverage",
	sprintf("Criteria %s are not covered by an approved policy with current evidence; some policies' evidence is stale.", [concat(", ", _uncovered)]),
	[],
	"Collect the program file again.",
) if {
	count(_approved) > 0
	count(_uncovered) > 0
	evidence.has_stale("program", _policies)
}
