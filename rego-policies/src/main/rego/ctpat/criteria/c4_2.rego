# METADATA
# title: Malware and intrusion protection, updates, social engineering, recovery
# description: >-
#   (a) Install enough software/hardware protection against malware and against internal and
#   external intrusion (firewalls); (b) keep that security software current with regular
#   security updates; (c) have policies and procedures against social-engineering attacks;
#   (d) have procedures to recover or replace IT systems and/or data after a breach or other
#   loss of data or equipment.
# custom:
#   criterion: "4.2"
#   requirement: must
#   sub_items:
#     - id: "4.2.antimalware"
#       title: "(a) Every company workstation and server runs anti-malware with real-time protection"
#       requirement: must
#     - id: "4.2.firewall"
#       title: "(a) The host firewall is enabled on every profile of every company workstation and server"
#       requirement: must
#     - id: "4.2.perimeter_firewall"
#       title: "(a) A perimeter firewall denies inbound traffic by default"
#       requirement: must
#     - id: "4.2.signatures"
#       title: "(b) Anti-malware signatures are current"
#       requirement: must
#     - id: "4.2.patches"
#       title: "(b) No company device has an overdue security update"
#       requirement: must
#     - id: "4.2.social_engineering"
#       title: "(c) An approved social-engineering prevention procedure exists"
#       requirement: must
#     - id: "4.2.recovery_plan"
#       title: "(d) Approved incident-response and recovery procedures exist"
#       requirement: must
#     - id: "4.2.restore_test"
#       title: "(d) A recent restore test succeeded"
#       requirement: must
#   evidence:
#     - endpoints[].antimalware
#     - endpoints[].firewall
#     - endpoints[].patches
#     - network.perimeter_firewalls
#     - program.procedures
#     - program.restore_tests
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["DE.CM-09", "DE.CM-01", "PR.IR-01", "PR.PS-01", "PR.PS-02", "PR.AT-01", "PR.AT-02", "RS.MA-01", "RC.RP-01", "RC.RP-02", "RC.RP-05", "ID.IM-04", "PR.DS-11"]
#     cis_v8: ["10.1", "10.2", "10.6", "4.4", "4.5", "13.3", "7.3", "7.4", "2.2", "14.2", "9.5", "17.4", "11.1", "11.5", "17.7"]
package ctpat.criteria.c4_2

import rego.v1

import data.ctpat.lib.config
import data.ctpat.lib.criterion
import data.ctpat.lib.endpoints
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.program
import data.ctpat.lib.recency

result := criterion.result(rego.metadata.chain(), finding, set())

_company := endpoints.company_managed

# Anti-malware and host firewalls are expected on computers, not on phones and tablets.
_computers := [e | some e in _company; object.get(e, "role", null) != "mobile"]

_host_subs := ["4.2.antimalware", "4.2.firewall", "4.2.signatures"]

finding contains evidence.missing_finding(sub, "endpoints", "Export the endpoint inventory with anti-malware, firewall and patch state.") if {
	not evidence.present(evidence.get(["endpoints"]))
	some sub in array.concat(_host_subs, ["4.2.patches"])
}

finding contains findings.insufficient(sub, "The endpoint evidence lists no company workstation or server.", [], "Export the state of every company workstation and server.") if {
	evidence.present(evidence.get(["endpoints"]))
	count(_computers) == 0
	some sub in _host_subs
}

finding contains findings.insufficient("4.2.patches", "The endpoint evidence lists no company device.", [], "Export the patch state of every company device.") if {
	evidence.present(evidence.get(["endpoints"]))
	count(_company) == 0
}

# 4.2.antimalware

_av_remediation := "Install anti-malware on every workstation and server and turn on real-time protection."

finding contains f if {
	some h in _computers
	some spec in [
		{"field": "enabled", "fails": "anti-malware is disabled", "unknown": "anti-malware is enabled"},
		{"field": "realtime", "fails": "real-time protection is off", "unknown": "real-time protection is on"},
	]
	f := evidence.flag_finding("4.2.antimalware", "endpoints", evidence.part(h, "antimalware"), object.union(spec, {
		"what": sprintf("anti-malware on %s", [evidence.name_of(h)]),
		"severity": "high",
		"remediation": _av_remediation,
	}))
}

# 4.2.signatures

_sig_remediation := "Let anti-malware update its signatures automatically at least daily."

finding contains f if {
	some h in _computers
	f := evidence.unusable_finding("4.2.signatures", "endpoints", evidence.part(h, "antimalware"), sprintf("anti-malware on %s", [evidence.name_of(h)]), _sig_remediation)
}

finding contains findings.violation(
	"4.2.signatures",
	sprintf("%s: anti-malware signatures are %v days old; at most %v days are allowed (%s).", [evidence.name_of(h), av.signature_age_days, config.thresholds.antimalware_signature_max_age_days, config.basis("antimalware_signature_max_age_days")]),
	"high",
	findings.refs(av),
	_sig_remediation,
) if {
	some h in _computers
	av := evidence.part(h, "antimalware")
	evidence.usable("endpoints", av)
	is_number(av.signature_age_days)
	av.signature_age_days > config.thresholds.antimalware_signature_max_age_days
}

finding contains findings.insufficient(
	"4.2.signatures",
	sprintf("%s: the age of the anti-malware signatures is unknown.", [evidence.name_of(h)]),
	findings.refs(av),
	_sig_remediation,
) if {
	some h in _computers
	av := evidence.part(h, "antimalware")
	evidence.usable("endpoints", av)
	not is_number(object.get(av, "signature_age_days", null))
}

# 4.2.firewall

_fw_remediation := "Enable the host firewall on every profile (domain, private, public)."

finding contains f if {
	some h in _computers
	f := evidence.unusable_finding("4.2.firewall", "endpoints", evidence.part(h, "firewall"), sprintf("host firewall of %s", [evidence.name_of(h)]), _fw_remediation)
}

_off_profiles(fw) := [name | some name, on in object.get(fw, "profiles", {}); on == false]

finding contains findings.violation(
	"4.2.firewall",
	sprintf("%s: the host firewall is off%s.", [evidence.name_of(h), _profile_note(_off_profiles(fw))]),
	"high",
	findings.refs(fw),
	_fw_remediation,
) if {
	some h in _computers
	fw := evidence.part(h, "firewall")
	evidence.usable("endpoints", fw)
	_firewall_off(fw)
}

_firewall_off(fw) if fw.enabled == false

_firewall_off(fw) if count(_off_profiles(fw)) > 0

_profile_note(names) := "" if {
	count(names) == 0
} else := sprintf(" for profile %s", [concat(", ", sort(names))])

finding contains findings.insufficient(
	"4.2.firewall",
	sprintf("%s: unknown whether the host firewall is enabled on every profile.", [evidence.name_of(h)]),
	findings.refs(fw),
	_fw_remediation,
) if {
	some h in _computers
	fw := evidence.part(h, "firewall")
	evidence.usable("endpoints", fw)
	not _firewall_off(fw)
	not _firewall_known_on(fw)
}

# Known on: enabled is true or every listed profile is on, and no profile is unknown.
_firewall_known_on(fw) if {
	_profile_values(fw) != []
	every on in _profile_values(fw) {
		on == true
	}
}

_profile_values(fw) := [v | some v in object.get(fw, "profiles", {})] if {
	object.get(fw, "enabled", null) == null
} else := array.concat([fw.enabled], [v | some v in object.get(fw, "profiles", {})])

# 4.2.perimeter_firewall

_perimeter := evidence.get(["network", "perimeter_firewalls"])

_perimeter_remediation := "Put a perimeter firewall in front of the network that denies inbound traffic by default, and export its configuration."

finding contains evidence.missing_finding("4.2.perimeter_firewall", "network.perimeter_firewalls", _perimeter_remediation) if {
	not evidence.present(_perimeter)
}

finding contains findings.violation("4.2.perimeter_firewall", "No perimeter firewall is recorded.", "high", [], _perimeter_remediation) if {
	_perimeter == []
}

finding contains f if {
	some f in evidence.stale_findings("4.2.perimeter_firewall", "network", _perimeter, "perimeter firewall")
}

finding contains f if {
	some fw in evidence.fresh("network", _perimeter)
	f := evidence.flag_finding("4.2.perimeter_firewall", "network", {"deny": _default_deny(fw), "source": object.get(fw, "source", null)}, {
		"field": "deny",
		"what": sprintf("perimeter firewall %s", [evidence.name_of(fw)]),
		"fails": "allows inbound traffic by default",
		"unknown": "it denies inbound traffic by default",
		"severity": "high",
		"remediation": _perimeter_remediation,
	})
}

_default_deny(fw) := true if {
	fw.default_inbound_action == "deny"
} else := false if {
	fw.default_inbound_action == "allow"
} else := null

# 4.2.patches

finding contains f if {
	some f in endpoints.patch_findings("4.2.patches", _company)
}

# 4.2.social_engineering, 4.2.recovery_plan

finding contains f if {
	some f in program.procedure_findings("4.2.social_engineering", "social_engineering", "social-engineering prevention procedure")
}

finding contains f if {
	some kind in ["incident_response", "recovery"]
	some f in program.procedure_findings("4.2.recovery_plan", kind, sprintf("%s procedure", [replace(kind, "_", " ")]))
}

# 4.2.restore_test

finding contains f if {
	some f in recency.findings_for(
		"4.2.restore_test", "program", ["program", "restore_tests"],
		[t | some t in evidence.list(evidence.get(["program", "restore_tests"])); t.successful == true],
		"performed_on", "restore_test_max_age_days", "successful restore test",
	)
}
