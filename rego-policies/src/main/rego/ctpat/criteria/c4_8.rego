# METADATA
# title: Individual accounts, strong authentication, change on compromise
# description: >-
#   (a) Give each person with IT access an individually assigned account; (b) protect access
#   with strong passwords, passphrases or other authentication (MFA preferred; NIST SP 800-63B
#   favours long passphrases) and safeguard user access; (c) change passwords or passphrases
#   as soon as possible when there is evidence or reasonable suspicion of compromise.
# custom:
#   criterion: "4.8"
#   requirement: must
#   sub_items:
#     - id: "4.8.individual_accounts"
#       title: "(a) Every enabled interactive account belongs to one named person, or is a documented exception"
#       requirement: must
#     - id: "4.8.password_length"
#       title: "(b) Every password policy requires the minimum length (longer without MFA)"
#       requirement: must
#     - id: "4.8.lockout"
#       title: "(b) Every password policy locks accounts after repeated failed logons"
#       requirement: must
#     - id: "4.8.mfa"
#       title: "(b) Every privileged interactive account uses MFA (when thresholds.require_mfa_for_privileged)"
#       requirement: must
#     - id: "4.8.compromise_reset"
#       title: "(c) Credentials were changed promptly after every suspected compromise"
#       requirement: must
#   evidence:
#     - accounts
#     - personnel
#     - password_policies
#     - program.credential_compromises
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["PR.AA-01", "PR.AA-02", "PR.AA-03", "RS.MI-01"]
#     cis_v8: ["5.1", "5.2", "5.4", "6.3", "6.4", "6.5", "14.3"]
package ctpat.criteria.c4_8

import rego.v1

import data.ctpat.lib.config
import data.ctpat.lib.criterion
import data.ctpat.lib.dates
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.identity

result := criterion.result(rego.metadata.chain(), finding, not_applicable)

not_applicable contains "4.8.mfa" if {
	not config.thresholds.require_mfa_for_privileged == true
}

_account_subs := {"4.8.individual_accounts", "4.8.mfa"} - not_applicable

finding contains evidence.missing_finding(sub, "accounts", "Export every account with owner, shared/service flags, privilege and MFA enrolment.") if {
	not evidence.present(identity.accounts)
	some sub in _account_subs
}

finding contains f if {
	some sub in _account_subs
	some f in evidence.stale_findings(sub, "accounts", identity.accounts, "account")
}

_interactive := [a | some a in identity.enabled_accounts; identity.interactive(a)]

# 4.8.individual_accounts

_individual_remediation := "Give every person an own account; disable shared or generic logins or document them as exceptions."

finding contains evidence.missing_finding("4.8.individual_accounts", "personnel", "Export the HR roster so that account owners can be verified.") if {
	not evidence.present(identity.personnel)
}

finding contains f if {
	some f in evidence.stale_findings("4.8.individual_accounts", "personnel", identity.personnel, "person")
}

_unexcepted := [a | some a in _interactive; not evidence.text(object.get(a, "exception", null))]

finding contains findings.violation(
	"4.8.individual_accounts",
	sprintf("Account %s is shared or generic and has no documented exception.", [identity.label(a)]),
	"high",
	findings.refs(a),
	_individual_remediation,
) if {
	some a in _unexcepted
	a.shared == true
}

finding contains findings.violation(
	"4.8.individual_accounts",
	sprintf("Account %s has no named owner and no documented exception.", [identity.label(a)]),
	"high",
	findings.refs(a),
	_individual_remediation,
) if {
	some a in _unexcepted
	not evidence.text(object.get(a, "person_id", null))
}

finding contains findings.violation(
	"4.8.individual_accounts",
	sprintf("Account %s belongs to %s, who is not in the HR roster.", [identity.label(a), a.person_id]),
	"high",
	findings.refs(a),
	_individual_remediation,
) if {
	evidence.present(identity.personnel)
	not evidence.has_stale("personnel", identity.personnel)
	some a in _unexcepted
	evidence.text(a.person_id)
	not identity.person(a.person_id)
}

finding contains findings.insufficient(
	"4.8.individual_accounts",
	sprintf("Account %s: unknown whether it is shared.", [identity.label(a)]),
	findings.refs(a),
	"Export whether each account is shared or generic.",
) if {
	some a in _unexcepted
	not is_boolean(object.get(a, "shared", null))
}

finding contains findings.insufficient(
	"4.8.individual_accounts",
	sprintf("Account %s: unknown whether it is enabled.", [identity.label(a)]),
	findings.refs(a),
	"Export the enabled state of every account.",
) if {
	some a in identity.fresh_accounts
	not is_boolean(object.get(a, "enabled", null))
}

# 4.8.password_length, 4.8.lockout

_policies := evidence.get(["password_policies"])

_fresh_policies := evidence.fresh("password_policies", _policies)

_password_remediation := "Export the password policy of the directory and every identity provider."

finding contains evidence.missing_finding(sub, "password_policies", _password_remediation) if {
	not evidence.present(_policies)
	some sub in ["4.8.password_length", "4.8.lockout"]
}

finding contains findings.violation(sub, "No password policy is configured.", "high", [], "Configure a password policy with minimum length and account lockout.") if {
	_policies == []
	some sub in ["4.8.password_length", "4.8.lockout"]
}

finding contains f if {
	some sub in ["4.8.password_length", "4.8.lockout"]
	some f in evidence.stale_findings(sub, "password_policies", _policies, "password policy")
}

_min_with_mfa := config.thresholds.password_min_length_with_mfa

_min_without_mfa := config.thresholds.password_min_length_without_mfa

# _length_rule(p) is the minimum length p must require and why, when that can be told: the
# MFA minimum applies when the policy requires MFA, and also when even that is not met.
_length_rule(p) := {"min": _min_with_mfa, "when": "with MFA", "key": "password_min_length_with_mfa"} if {
	p.mfa_required == true
} else := {"min": _min_without_mfa, "when": "without MFA", "key": "password_min_length_without_mfa"} if {
	p.mfa_required == false
} else := {"min": _min_with_mfa, "when": "even with MFA", "key": "password_min_length_with_mfa"} if {
	is_number(p.min_length)
	p.min_length < _min_with_mfa
}

_length_remediation := sprintf("Require at least %v characters, or %v with MFA (%s); allow passphrases up to 64 characters.", [_min_without_mfa, _min_with_mfa, config.basis("password_min_length_without_mfa")])

finding contains findings.violation(
	"4.8.password_length",
	sprintf("Password policy %s requires %v characters; at least %v are required %s (%s).", [evidence.name_of(p), p.min_length, rule.min, rule.when, config.basis(rule.key)]),
	"high",
	findings.refs(p),
	_length_remediation,
) if {
	some p in _fresh_policies
	is_number(p.min_length)
	rule := _length_rule(p)
	p.min_length < rule.min
}

finding contains findings.insufficient(
	"4.8.password_length",
	sprintf("Password policy %s: the minimum length, or whether MFA is required, is unknown.", [evidence.name_of(p)]),
	findings.refs(p),
	_password_remediation,
) if {
	some p in _fresh_policies
	not _length_decidable(p)
}

_length_decidable(p) if {
	is_number(p.min_length)
	p.min_length >= _min_without_mfa
}

_length_decidable(p) if {
	is_number(p.min_length)
	_length_rule(p)
}

finding contains findings.violation(
	"4.8.lockout",
	sprintf("Password policy %s never locks an account after failed logons.", [evidence.name_of(p)]),
	"high",
	findings.refs(p),
	_lockout_remediation,
) if {
	some p in _fresh_policies
	p.lockout_threshold == 0
}

finding contains findings.violation(
	"4.8.lockout",
	sprintf("Password policy %s locks an account only after %v failed logons; at most %v are allowed (%s).", [evidence.name_of(p), p.lockout_threshold, config.thresholds.lockout_threshold_max, config.basis("lockout_threshold_max")]),
	"medium",
	findings.refs(p),
	_lockout_remediation,
) if {
	some p in _fresh_policies
	is_number(p.lockout_threshold)
	p.lockout_threshold > config.thresholds.lockout_threshold_max
}

finding contains findings.insufficient(
	"4.8.lockout",
	sprintf("Password policy %s: the lockout threshold is unknown.", [evidence.name_of(p)]),
	findings.refs(p),
	_password_remediation,
) if {
	some p in _fresh_policies
	not is_number(object.get(p, "lockout_threshold", null))
}

_lockout_remediation := sprintf("Lock accounts after at most %v failed logons.", [config.thresholds.lockout_threshold_max])

# 4.8.mfa

_mfa_remediation := "Enrol every administrator in MFA and enforce it for privileged access."

finding contains findings.violation(
	"4.8.mfa",
	sprintf("Privileged account %s is not enrolled in MFA (%s).", [identity.label(a), config.basis("require_mfa_for_privileged")]),
	"high",
	findings.refs(a),
	_mfa_remediation,
) if {
	not "4.8.mfa" in not_applicable
	some a in _interactive
	a.privileged == true
	a.mfa_enrolled == false
}

finding contains findings.insufficient(
	"4.8.mfa",
	sprintf("Account %s: unknown whether it is privileged or enrolled in MFA.", [identity.label(a)]),
	findings.refs(a),
	"Export the privilege level and MFA enrolment of every account.",
) if {
	not "4.8.mfa" in not_applicable
	some a in _interactive
	not _mfa_decidable(a)
}

_mfa_decidable(a) if a.privileged == false

_mfa_decidable(a) if {
	a.privileged == true
	is_boolean(a.mfa_enrolled)
}

# 4.8.compromise_reset

_compromises := evidence.get(["program", "credential_compromises"])

_reset_remediation := "Change the affected passwords or passphrases (and revoke sessions and tokens) as soon as a compromise is suspected."

finding contains evidence.missing_finding("4.8.compromise_reset", "program.credential_compromises", "Log every suspected credential compromise and the date its credentials were changed ([] when there were none).") if {
	not evidence.present(_compromises)
}

finding contains f if {
	some f in evidence.stale_findings("4.8.compromise_reset", "program", _compromises, "compromise")
}

_reset_limit := config.thresholds.compromise_reset_max_days

finding contains findings.violation(
	"4.8.compromise_reset",
	sprintf("Compromise %s reported on %s: the credentials were changed only on %s, %v days later; at most %v days are allowed (%s).", [evidence.name_of(c), c.reported_on, c.reset_on, dates.days_between(c.reported_on, c.reset_on), _reset_limit, config.basis("compromise_reset_max_days")]),
	"high",
	findings.refs(c),
	_reset_remediation,
) if {
	some c in evidence.fresh("program", _compromises)
	dates.days_between(c.reported_on, c.reset_on) > _reset_limit
}

finding contains findings.violation(
	"4.8.compromise_reset",
	sprintf("Compromise %s reported on %s: the credentials have not been changed after %v days; at most %v days are allowed (%s).", [evidence.name_of(c), c.reported_on, dates.age_days(c.reported_on), _reset_limit, config.basis("compromise_reset_max_days")]),
	"critical",
	findings.refs(c),
	_reset_remediation,
) if {
	some c in evidence.fresh("program", _compromises)
	object.get(c, "reset_on", null) == null
	dates.age_days(c.reported_on) > _reset_limit
}

finding contains findings.insufficient(
	"4.8.compromise_reset",
	sprintf("Compromise %s: the report or reset date is malformed.", [evidence.name_of(c)]),
	findings.refs(c),
	"Record the report date and reset date of every compromise as YYYY-MM-DD.",
) if {
	some c in evidence.fresh("program", _compromises)
	not _reset_dates_valid(c)
}

_reset_dates_valid(c) if {
	dates.is_date(c.reported_on)
	object.get(c, "reset_on", null) == null
}

_reset_dates_valid(c) if {
	dates.is_date(c.reported_on)
	dates.is_date(c.reset_on)
}
