# METADATA
# title: Annual review of cybersecurity policies and procedures
# description: >-
#   Review the cybersecurity policies and procedures at least annually, or sooner when risk
#   or circumstances require (e.g. after a cyber attack, using its lessons learned), and
#   update them if needed.
# custom:
#   criterion: "4.6"
#   requirement: must
#   sub_items:
#     - id: "4.6.annual_review"
#       title: Every approved policy and procedure was reviewed within the last year
#       requirement: must
#     - id: "4.6.event_review"
#       title: The policies were reviewed (and updated when needed) after every major incident
#       requirement: must
#   evidence:
#     - program.policies
#     - program.procedures
#     - program.policy_reviews
#     - program.incidents
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["GV.PO-02", "ID.IM-01", "ID.IM-03"]
#     cis_v8: ["3.1", "4.1", "7.1", "11.1", "17.4"]
package ctpat.criteria.c4_6

import rego.v1

import data.ctpat.lib.config
import data.ctpat.lib.criterion
import data.ctpat.lib.dates
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.program

result := criterion.result(rego.metadata.chain(), finding, set())

_policies := evidence.get(["program", "policies"])

_procedures := evidence.get(["program", "procedures"])

_documents := array.concat(evidence.list(_policies), evidence.list(_procedures))

_approved := [d | some d in evidence.fresh("program", _documents); program.approved(d)]

# 4.6.annual_review

_review_remediation := "Review the policy or procedure, record the review date (and the changes made) in the program file."

finding contains evidence.missing_finding("4.6.annual_review", "program.policies and program.procedures", _review_remediation) if {
	not evidence.present(_policies)
	not evidence.present(_procedures)
}

finding contains f if {
	some f in evidence.stale_findings("4.6.annual_review", "program", _documents, "document")
}

finding contains findings.insufficient("4.6.annual_review", "No approved policy or procedure with current evidence to check the review date of.", [], _review_remediation) if {
	count(_documents) > 0
	not evidence.has_stale("program", _documents)
	count(_approved) == 0
}

# _last_review(d) is the later of d's approval and last review dates.
_last_review(d) := max([day | some day in [d.approved_on, object.get(d, "last_reviewed_on", null)]; dates.is_date(day)])

finding contains findings.violation(
	"4.6.annual_review",
	sprintf("%s %s was last reviewed on %s, %v days before %s; at most %v days are allowed (%s).", [_kind(d), evidence.name_of(d), _last_review(d), dates.age_days(_last_review(d)), dates.as_of, config.thresholds.policy_review_max_age_days, config.basis("policy_review_max_age_days")]),
	"high",
	findings.refs(d),
	_review_remediation,
) if {
	some d in _approved
	dates.age_days(_last_review(d)) > config.thresholds.policy_review_max_age_days
}

_kind(d) := "Procedure" if {
	d.kind
} else := "Policy"

# 4.6.event_review

_incidents := evidence.get(["program", "incidents"])

_reviews := evidence.get(["program", "policy_reviews"])

_review_days := {day |
	some r in evidence.fresh("program", _reviews)
	day := r.reviewed_on
	dates.is_date(day)
} | {day |
	some p in evidence.fresh("program", _policies)
	day := object.get(p, "last_reviewed_on", null)
	dates.is_date(day)
}

_major(i) if i.severity in config.thresholds.major_incident_severities

_reviewed_after(i) if {
	some day in _review_days
	dates.not_after(i.occurred_on, day)
}

_event_remediation := "Review the policies after every major incident, apply the lessons learned and record the review (trigger: incident)."

finding contains evidence.missing_finding("4.6.event_review", "program.incidents", "List the security incidents of the period in the program file ([] when there were none).") if {
	not evidence.present(_incidents)
}

finding contains f if {
	some f in evidence.stale_findings("4.6.event_review", "program", _incidents, "incident")
}

finding contains findings.violation(
	"4.6.event_review",
	sprintf("No policy review is recorded after %s incident %s of %s (%v days ago; a review is due within %v days, %s).", [i.severity, evidence.name_of(i), i.occurred_on, dates.age_days(i.occurred_on), config.thresholds.incident_policy_review_days, config.basis("incident_policy_review_days")]),
	"high",
	findings.refs(i),
	_event_remediation,
) if {
	some i in evidence.fresh("program", _incidents)
	_major(i)
	not _reviewed_after(i)
	dates.age_days(i.occurred_on) > config.thresholds.incident_policy_review_days
}

finding contains findings.insufficient(
	"4.6.event_review",
	sprintf("Incident %s: its severity or date is unknown.", [evidence.name_of(i)]),
	findings.refs(i),
	"Record the date and severity of every incident.",
) if {
	some i in evidence.fresh("program", _incidents)
	not _decidable(i)
}

_decidable(i) if {
	dates.is_date(i.occurred_on)
	i.severity in {"critical", "high", "medium", "low", "info"}
}
