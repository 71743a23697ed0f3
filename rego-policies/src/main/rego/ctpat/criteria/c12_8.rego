# METADATA
# title: Cybersecurity training
# description: >-
#   (Education and Training, related to the cybersecurity criteria.) Train employees on the
#   company's cybersecurity policies according to their function, including the need to
#   protect passwords/passphrases and computer access.
# custom:
#   criterion: "12.8"
#   requirement: must
#   sub_items:
#     - id: "12.8.cyber_training"
#       title: Every active person with system access completed cybersecurity-policy training within the cycle
#       requirement: must
#     - id: "12.8.password_training"
#       title: That training covered protecting passwords/passphrases and computer access
#       requirement: must
#   evidence:
#     - program.trainings
#     - personnel
#     - accounts
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["PR.AT-01", "PR.AT-02"]
#     cis_v8: ["14.1", "14.2", "14.3", "14.6"]
package ctpat.criteria.c12_8

import rego.v1

import data.ctpat.lib.criterion
import data.ctpat.lib.dates
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.identity
import data.ctpat.lib.recency

result := criterion.result(rego.metadata.chain(), finding, set())

_topics := {
	"12.8.cyber_training": ["cybersecurity_policy", "cybersecurity-policy training"],
	"12.8.password_training": ["password_protection", "password-protection training"],
}

_trainings := evidence.get(["program", "trainings"])

finding contains evidence.missing_finding(sub, "personnel", "Export the HR roster.") if {
	not evidence.present(identity.personnel)
	some sub, _ in _topics
}

finding contains evidence.missing_finding(sub, "accounts", "Export the accounts, to tell who has system access.") if {
	not evidence.present(identity.accounts)
	some sub, _ in _topics
}

finding contains f if {
	some sub, _ in _topics
	some f in evidence.stale_findings(sub, "personnel", identity.personnel, "person")
}

finding contains f if {
	some sub, _ in _topics
	some f in evidence.stale_findings(sub, "accounts", identity.accounts, "account")
}

# Active people who hold at least one enabled account.
_trainees := {p |
	some p in identity.fresh_personnel
	p.status == "active"
	some a in identity.enabled_accounts
	a.person_id == p.person_id
}

finding contains findings.insufficient(sub, "No active person with an enabled account is in the evidence, so nobody's training can be checked.", [], "Export the HR roster and the accounts.") if {
	evidence.present(identity.personnel)
	evidence.present(identity.accounts)
	count(_trainees) == 0
	some sub, _ in _topics
}

finding contains f if {
	some sub, spec in _topics
	[topic, label] := spec
	some p in _trainees
	matching := [t |
		some t in evidence.list(_trainings)
		t.person_id == p.person_id
		topic in evidence.list(t.topics)
		dates.is_date(t.completed_on)
	]
	some f in recency.findings_for(sub, "program", ["program", "trainings"], matching, "completed_on", "training_max_age_days", sprintf("%s of %s", [label, evidence.name_of(p)]))
}
