# METADATA
# title: Sharing cyber-threat information
# description: >-
#   The cybersecurity policy should say how the member shares information about cyber threats
#   with the government and with business partners (e.g. CISA, formerly NCCIC/US-CERT, and
#   ISACs, whose information products are free of charge).
# custom:
#   criterion: "4.4"
#   requirement: should
#   sub_items:
#     - id: "4.4.sharing_procedure"
#       title: An approved procedure for sharing threat information with government and partners
#       requirement: should
#     - id: "4.4.threat_feed"
#       title: At least one inbound threat-information subscription (CISA, an ISAC, ...)
#       requirement: should
#   evidence:
#     - program.procedures
#     - program.threat_intel_feeds
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["ID.RA-02", "RS.CO-03", "DE.AE-07"]
#     cis_v8: ["17.2"]
package ctpat.criteria.c4_4

import rego.v1

import data.ctpat.lib.criterion
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.program

result := criterion.result(rego.metadata.chain(), finding, set())

# 4.4.sharing_procedure

finding contains f if {
	some f in program.procedure_findings("4.4.sharing_procedure", "threat_sharing", "threat-information sharing procedure")
}

# 4.4.threat_feed

_feeds := evidence.get(["program", "threat_intel_feeds"])

_feed_remediation := "Subscribe to CISA advisories (free) or join an ISAC, and list the subscription in the program file."

finding contains evidence.missing_finding("4.4.threat_feed", "program.threat_intel_feeds", _feed_remediation) if {
	not evidence.present(_feeds)
}

finding contains f if {
	some f in evidence.stale_findings("4.4.threat_feed", "program", _feeds, "threat feed")
}

finding contains findings.violation("4.4.threat_feed", "No threat-information subscription is recorded.", "medium", [], _feed_remediation) if {
	evidence.present(_feeds)
	not evidence.has_stale("program", _feeds)
	count(evidence.fresh("program", _feeds)) == 0
}
