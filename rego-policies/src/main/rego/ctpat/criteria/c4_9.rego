# METADATA
# title: Secure remote access
# description: >-
#   If users may connect remotely, use secure technology such as a VPN (or MFA, e.g. a token
#   showing a dynamic code) so that staff can reach the intranet safely from outside the
#   office, and have procedures that stop unauthorized users from gaining remote access.
# custom:
#   criterion: "4.9"
#   requirement: must
#   sub_items:
#     - id: "4.9.secure_technology"
#       title: Every remote-access gateway is an encrypted gateway without known weak settings
#       requirement: must
#     - id: "4.9.mfa"
#       title: Every remote-access gateway enforces MFA (when thresholds.require_mfa_for_remote_access)
#       requirement: must
#     - id: "4.9.no_direct_exposure"
#       title: A recent external scan shows no remote-desktop or file-sharing port open to the internet
#       requirement: must
#     - id: "4.9.procedure"
#       title: An approved procedure for granting and removing remote access
#       requirement: must
#     - id: "4.9.authorized_users"
#       title: Only authorized users can connect remotely
#       requirement: must
#   evidence:
#     - program.remote_access_permitted
#     - remote_access
#     - network.external_exposure
#     - program.procedures
#     - program.remote_access_authorizations
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["PR.AA-03", "PR.AA-05", "PR.IR-01", "PR.DS-02"]
#     cis_v8: ["12.7", "6.4", "13.5", "3.10"]
package ctpat.criteria.c4_9

import rego.v1

import data.ctpat.lib.config
import data.ctpat.lib.criterion
import data.ctpat.lib.dates
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.program

result := criterion.result(rego.metadata.chain(), finding, not_applicable)

_subs := ["4.9.secure_technology", "4.9.mfa", "4.9.no_direct_exposure", "4.9.procedure", "4.9.authorized_users"]

_gateways := evidence.get(["remote_access"])

_fresh_gateways := evidence.fresh("remote_access", _gateways)

# Remote access does not apply when the program forbids it and no gateway is in the evidence.
_not_used if {
	evidence.get(["program", "remote_access_permitted"]) == false
	count(evidence.list(_gateways)) == 0
}

not_applicable contains sub if {
	_not_used
	some sub in _subs
}

not_applicable contains "4.9.mfa" if {
	not config.thresholds.require_mfa_for_remote_access == true
}

_applies(sub) if not sub in not_applicable

_gateway_remediation := "Export the configuration of every remote-access gateway (VPN, ZTNA, remote desktop)."

finding contains evidence.missing_finding(sub, "remote_access", _gateway_remediation) if {
	not evidence.present(_gateways)
	some sub in ["4.9.secure_technology", "4.9.mfa", "4.9.authorized_users"]
	_applies(sub)
}

finding contains findings.insufficient(
	"4.9.secure_technology",
	"No remote-access gateway is recorded, but the program does not say that remote access is forbidden.",
	[],
	"Export the remote-access gateways, or set program.remote_access_permitted to false.",
) if {
	_gateways == []
	not _not_used
}

finding contains f if {
	some sub in ["4.9.secure_technology", "4.9.mfa", "4.9.authorized_users"]
	_applies(sub)
	some f in evidence.stale_findings(sub, "remote_access", _gateways, "gateway")
}

# 4.9.secure_technology

_secure_remediation := "Offer remote access only through an encrypted gateway (VPN or ZTNA) with current TLS and no weak settings; never expose remote desktop directly."

finding contains findings.violation(
	"4.9.secure_technology",
	sprintf("Gateway %s exposes %s directly to the internet.", [evidence.name_of(g), upper(g.kind)]),
	"critical",
	findings.refs(g),
	_secure_remediation,
) if {
	some g in _fresh_gateways
	g.kind in {"rdp", "vnc"}
	g.internet_exposed == true
}

finding contains findings.violation(
	"4.9.secure_technology",
	sprintf("Gateway %s has weak settings: %s.", [evidence.name_of(g), concat(", ", sort(g.weaknesses))]),
	"high",
	findings.refs(g),
	_secure_remediation,
) if {
	some g in _fresh_gateways
	is_array(g.weaknesses)
	count(g.weaknesses) > 0
}

finding contains findings.violation(
	"4.9.secure_technology",
	sprintf("Gateway %s accepts TLS %s; at least TLS %s is required (%s).", [evidence.name_of(g), g.tls_min_version, config.thresholds.min_tls_version, config.basis("min_tls_version")]),
	"high",
	findings.refs(g),
	_secure_remediation,
) if {
	some g in _fresh_gateways
	is_string(g.tls_min_version)
	g.tls_min_version < config.thresholds.min_tls_version
}

finding contains findings.insufficient(
	"4.9.secure_technology",
	sprintf("Gateway %s: unknown whether it has weak settings.", [evidence.name_of(g)]),
	findings.refs(g),
	_gateway_remediation,
) if {
	some g in _fresh_gateways
	not is_array(object.get(g, "weaknesses", null))
}

# 4.9.mfa

finding contains f if {
	_applies("4.9.mfa")
	some g in _fresh_gateways
	f := evidence.flag_finding("4.9.mfa", "remote_access", g, {
		"field": "mfa_enforced",
		"what": sprintf("gateway %s", [evidence.name_of(g)]),
		"fails": sprintf("MFA is not enforced (%s)", [config.basis("require_mfa_for_remote_access")]),
		"unknown": "MFA is enforced",
		"severity": "high",
		"remediation": "Enforce MFA (e.g. TOTP, push or hardware token) for every remote connection.",
	})
}

# 4.9.no_direct_exposure

_exposure := evidence.get(["network", "external_exposure"])

_exposure_remediation := "Run an external port scan of the public addresses and close remote-desktop, telnet and file-sharing ports."

finding contains f if {
	_applies("4.9.no_direct_exposure")
	f := evidence.unusable_finding("4.9.no_direct_exposure", "network", _exposure, "external port scan", _exposure_remediation)
}

finding contains findings.insufficient(
	"4.9.no_direct_exposure",
	sprintf("The newest external port scan is from %s, %v days before %s; at most %v days are allowed (%s).", [_exposure.scanned_on, dates.age_days(_exposure.scanned_on), dates.as_of, config.thresholds.external_scan_max_age_days, config.basis("external_scan_max_age_days")]),
	findings.refs(_exposure),
	_exposure_remediation,
) if {
	_applies("4.9.no_direct_exposure")
	evidence.usable("network", _exposure)
	dates.age_days(_exposure.scanned_on) > config.thresholds.external_scan_max_age_days
}

finding contains findings.insufficient(
	"4.9.no_direct_exposure",
	"The external port scan has no valid date or no list of open services.",
	findings.refs(_exposure),
	_exposure_remediation,
) if {
	_applies("4.9.no_direct_exposure")
	evidence.usable("network", _exposure)
	not _scan_readable
}

_scan_readable if {
	dates.is_date(_exposure.scanned_on)
	is_array(_exposure.open_services)
}

_recent_scan if dates.age_days(_exposure.scanned_on) <= config.thresholds.external_scan_max_age_days

finding contains findings.violation(
	"4.9.no_direct_exposure",
	sprintf("Port %v (%s) is open to the internet on %s.", [s.port, _service(s), s.address]),
	"critical",
	findings.refs(_exposure),
	_exposure_remediation,
) if {
	_applies("4.9.no_direct_exposure")
	evidence.usable("network", _exposure)
	_scan_readable
	_recent_scan
	some s in _exposure.open_services
	s.port in config.thresholds.forbidden_exposed_ports
}

_service(s) := s.service if {
	is_string(s.service)
} else := "unknown service"

# 4.9.procedure

finding contains f if {
	_applies("4.9.procedure")
	some f in program.procedure_findings("4.9.procedure", "remote_access", "remote-access procedure")
}

# 4.9.authorized_users

_authorizations := evidence.get(["program", "remote_access_authorizations"])

_authorized := {a.user | some a in evidence.fresh("program", _authorizations)}

_users_remediation := "Approve every remote user (program.remote_access_authorizations) and remove the others from the gateway."

finding contains evidence.missing_finding("4.9.authorized_users", "program.remote_access_authorizations", _users_remediation) if {
	_applies("4.9.authorized_users")
	not evidence.present(_authorizations)
}

finding contains f if {
	_applies("4.9.authorized_users")
	some f in evidence.stale_findings("4.9.authorized_users", "program", _authorizations, "authorization")
}

finding contains findings.violation(
	"4.9.authorized_users",
	sprintf("User %s can connect through gateway %s without a recorded authorization.", [user, evidence.name_of(g)]),
	"high",
	findings.refs(g),
	_users_remediation,
) if {
	_applies("4.9.authorized_users")
	evidence.present(_authorizations)
	not evidence.has_stale("program", _authorizations)
	some g in _fresh_gateways
	some user in evidence.list(g.users)
	not user in _authorized
}

finding contains findings.insufficient(
	"4.9.authorized_users",
	sprintf("Gateway %s: the users who can connect are unknown.", [evidence.name_of(g)]),
	findings.refs(g),
	"Export the user list of every remote-access gateway.",
) if {
	_applies("4.9.authorized_users")
	some g in _fresh_gateways
	not is_array(object.get(g, "users", null))
}
