# METADATA
# title: Access restricted by job, reviewed regularly, removed at separation
# description: >-
#   (a) Restrict user access according to job description or assigned duties; (b) review
#   authorized access regularly so that access to sensitive systems matches job need;
#   (c) remove computer and network access when an employee separates.
# custom:
#   criterion: "4.7"
#   requirement: must
#   sub_items:
#     - id: "4.7.role_based_access"
#       title: "(a) Every group an active person's account holds is allowed for the person's role"
#       requirement: must
#     - id: "4.7.access_review"
#       title: "(b) Access to every sensitive system was reviewed recently"
#       requirement: must
#     - id: "4.7.separation"
#       title: "(c) No separated person has an enabled account or used one after separation"
#       requirement: must
#     - id: "4.7.dormant_accounts"
#       title: "(b) No enabled account has been unused longer than allowed"
#       requirement: must
#   evidence:
#     - accounts
#     - personnel
#     - systems
#     - program.role_matrix
#     - program.access_reviews
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["PR.AA-05", "PR.AA-01", "GV.RR-04"]
#     cis_v8: ["6.1", "6.2", "6.8", "5.1", "5.3", "3.3"]
package ctpat.criteria.c4_7

import rego.v1

import data.ctpat.lib.config
import data.ctpat.lib.criterion
import data.ctpat.lib.dates
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.identity
import data.ctpat.lib.recency

result := criterion.result(rego.metadata.chain(), finding, set())

_account_subs := ["4.7.role_based_access", "4.7.separation", "4.7.dormant_accounts"]

finding contains evidence.missing_finding(sub, "accounts", "Export every account (directory, VPN, key applications) with enabled state, owner, groups and last logon.") if {
	not evidence.present(identity.accounts)
	some sub in _account_subs
}

finding contains f if {
	some sub in _account_subs
	some f in evidence.stale_findings(sub, "accounts", identity.accounts, "account")
}

finding contains evidence.missing_finding(sub, "personnel", "Export the HR roster with role, status and separation date.") if {
	not evidence.present(identity.personnel)
	some sub in ["4.7.role_based_access", "4.7.separation"]
}

finding contains f if {
	some sub in ["4.7.role_based_access", "4.7.separation"]
	some f in evidence.stale_findings(sub, "personnel", identity.personnel, "person")
}

# 4.7.role_based_access

_matrix := evidence.get(["program", "role_matrix"])

_role_remediation := "Remove the groups the role does not need, or extend the role matrix after an approved review."

finding contains evidence.missing_finding("4.7.role_based_access", "program.role_matrix", "Record the role-to-access matrix (role, system, allowed groups) in the program file.") if {
	not evidence.present(_matrix)
}

finding contains f if {
	some f in evidence.stale_findings("4.7.role_based_access", "program", _matrix, "role matrix entry")
}

# The enabled, interactive accounts of active people, with their owner.
_staff_accounts := [{"account": a, "person": p} |
	some a in identity.enabled_accounts
	identity.interactive(a)
	p := identity.person(a.person_id)
	p.status == "active"
]

_allowed(role, system) := {g |
	some m in evidence.fresh("program", _matrix)
	m.role == role
	m.system == system
	some g in evidence.list(m.groups)
}

finding contains findings.violation(
	"4.7.role_based_access",
	sprintf("Account %s of %s (role %s) holds %s, which the role matrix does not allow for that role.", [identity.label(a), p.person_id, p.role, concat(", ", extra)]),
	"high",
	findings.refs(a),
	_role_remediation,
) if {
	evidence.present(_matrix)
	not evidence.has_stale("program", _matrix)
	some pair in _staff_accounts
	a := pair.account
	p := pair.person
	is_array(a.groups)
	is_string(p.role)
	extra := sort([g | some g in a.groups; not g in _allowed(p.role, a.system)])
	count(extra) > 0
}

finding contains findings.insufficient(
	"4.7.role_based_access",
	sprintf("Account %s of %s: unknown groups or role.", [identity.label(a), p.person_id]),
	findings.refs(a),
	"Export the group memberships of every account and the role of every person.",
) if {
	some pair in _staff_accounts
	a := pair.account
	p := pair.person
	not _groups_and_role_known(a, p)
}

_groups_and_role_known(a, p) if {
	is_array(a.groups)
	is_string(p.role)
}

# 4.7.access_review

_systems := evidence.get(["systems"])

_reviews := evidence.get(["program", "access_reviews"])

finding contains evidence.missing_finding("4.7.access_review", "systems", "Export the system inventory and mark the systems that hold sensitive data.") if {
	not evidence.present(_systems)
}

finding contains f if {
	some f in evidence.stale_findings("4.7.access_review", "systems", _systems, "system")
}

_sensitive := [s | some s in evidence.fresh("systems", _systems); s.sensitive == true]

finding contains findings.insufficient(
	"4.7.access_review",
	sprintf("Unknown whether system %s holds sensitive data.", [evidence.name_of(s)]),
	findings.refs(s),
	"Mark every system as sensitive or not.",
) if {
	some s in evidence.fresh("systems", _systems)
	not is_boolean(object.get(s, "sensitive", null))
}

finding contains findings.insufficient(
	"4.7.access_review",
	"No system is marked as holding sensitive data, so no access review can be checked.",
	[],
	"Mark the systems that hold sensitive (e.g. import/export) data.",
) if {
	evidence.present(_systems)
	count(_sensitive) == 0
	not evidence.has_stale("systems", _systems)
}

finding contains f if {
	some s in _sensitive
	matching := [r | some r in evidence.list(_reviews); r.system == s.id; dates.is_date(r.completed_on)]
	some f in recency.findings_for(
		"4.7.access_review", "program", ["program", "access_reviews"], matching,
		"completed_on", "access_review_max_age_days", sprintf("completed access review of %s", [s.id]),
	)
}

# 4.7.separation

_separated := [p | some p in identity.fresh_personnel; p.status == "separated"]

_separation_remediation := "Disable every account and remote credential of a person on the separation day."

finding contains findings.insufficient(
	"4.7.separation",
	sprintf("Person %s is separated but the separation date is unknown.", [evidence.name_of(p)]),
	findings.refs(p),
	"Record the separation date of every separated person.",
) if {
	some p in _separated
	not dates.is_date(p.separated_on)
}

finding contains findings.insufficient(
	"4.7.separation",
	sprintf("Person %s has an unknown employment status %v.", [evidence.name_of(p), object.get(p, "status", null)]),
	findings.refs(p),
	"Record every person's status as active or separated.",
) if {
	some p in identity.fresh_personnel
	not p.status in {"active", "separated"}
}

# The fresh accounts of separated people whose separation date is known.
_leaver_accounts := [{"account": a, "person": p} |
	some p in _separated
	dates.is_date(p.separated_on)
	some a in identity.fresh_accounts
	a.person_id == p.person_id
]

finding contains findings.violation(
	"4.7.separation",
	sprintf("Account %s of %s is still enabled although the person separated on %s (%v days ago; %v-day grace period, %s).", [identity.label(a), p.person_id, p.separated_on, dates.age_days(p.separated_on), config.thresholds.separation_grace_days, config.basis("separation_grace_days")]),
	"critical",
	findings.refs(a),
	_separation_remediation,
) if {
	some pair in _leaver_accounts
	a := pair.account
	p := pair.person
	a.enabled == true
	dates.age_days(p.separated_on) > config.thresholds.separation_grace_days
}

finding contains findings.violation(
	"4.7.separation",
	sprintf("Account %s of %s was used on %s, after the person separated on %s.", [identity.label(a), p.person_id, a.last_logon, p.separated_on]),
	"critical",
	findings.refs(a),
	_separation_remediation,
) if {
	some pair in _leaver_accounts
	a := pair.account
	p := pair.person
	dates.days_between(p.separated_on, a.last_logon) > 0
}

finding contains findings.insufficient(
	"4.7.separation",
	sprintf("Account %s of separated person %s: unknown whether it is enabled.", [identity.label(a), p.person_id]),
	findings.refs(a),
	_separation_remediation,
) if {
	some pair in _leaver_accounts
	a := pair.account
	p := pair.person
	not is_boolean(object.get(a, "enabled", null))
}

# 4.7.dormant_accounts

_dormant_remediation := "Disable accounts that have not been used for the allowed period."

finding contains findings.violation(
	"4.7.dormant_accounts",
	sprintf("Enabled account %s was last used on %s, %v days before %s; at most %v days are allowed (%s).", [identity.label(a), a.last_logon, dates.age_days(a.last_logon), dates.as_of, config.thresholds.dormant_account_max_days, config.basis("dormant_account_max_days")]),
	"medium",
	findings.refs(a),
	_dormant_remediation,
) if {
	some a in identity.enabled_accounts
	dates.age_days(a.last_logon) > config.thresholds.dormant_account_max_days
}

finding contains findings.insufficient(
	"4.7.dormant_accounts",
	sprintf("Enabled account %s: the last logon is unknown.", [identity.label(a)]),
	findings.refs(a),
	"Export the last logon time of every account.",
) if {
	some a in identity.enabled_accounts
	not _has_logon_time(a)
}

finding contains findings.insufficient(
	"4.7.dormant_accounts",
	sprintf("Account %s: unknown whether it is enabled.", [identity.label(a)]),
	findings.refs(a),
	"Export the enabled state of every account.",
) if {
	some a in identity.fresh_accounts
	not is_boolean(object.get(a, "enabled", null))
}

_has_logon_time(a) if dates.is_timestamp(a.last_logon)

_has_logon_time(a) if dates.is_date(a.last_logon)
