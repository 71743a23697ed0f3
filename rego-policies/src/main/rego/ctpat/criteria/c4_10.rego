# METADATA
# title: Personal devices follow the cybersecurity policy
# description: >-
#   If personal devices are allowed for company work, they must follow the company's
#   cybersecurity policy, including regular security updates and a secure way to access the
#   company network. Personal devices include storage media (CDs, DVDs, USB flash drives),
#   which may carry malware into the company network.
# custom:
#   criterion: "4.10"
#   requirement: must
#   sub_items:
#     - id: "4.10.byod_policy"
#       title: An approved personal-device (BYOD) procedure, when personal devices are permitted
#       requirement: must
#     - id: "4.10.device_compliance"
#       title: Every personal device is enrolled in device management, compliant and encrypted
#       requirement: must
#     - id: "4.10.updates"
#       title: No personal device has an overdue security update
#       requirement: must
#     - id: "4.10.secure_access"
#       title: Devices that are not enrolled and compliant cannot reach the company network
#       requirement: must
#     - id: "4.10.removable_media"
#       title: Removable storage media are blocked, read-only or scanned, and autorun is off
#       requirement: must
#   evidence:
#     - program.personal_devices_permitted
#     - program.procedures
#     - endpoints (owner_type personal)
#     - network.access_control
#     - device_control
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["PR.PS-01", "PR.PS-02", "PR.AA-05", "ID.AM-01", "PR.IR-01"]
#     cis_v8: ["13.5", "4.11", "4.12", "10.3", "10.4", "1.1"]
package ctpat.criteria.c4_10

import rego.v1

import data.ctpat.lib.criterion
import data.ctpat.lib.endpoints
import data.ctpat.lib.evidence
import data.ctpat.lib.findings
import data.ctpat.lib.program

result := criterion.result(rego.metadata.chain(), finding, not_applicable)

_permitted := evidence.get(["program", "personal_devices_permitted"])

_personal := endpoints.owned_by("personal")

_device_subs := ["4.10.byod_policy", "4.10.device_compliance", "4.10.updates", "4.10.secure_access"]

# Personal devices are out of scope when the program forbids them and none is in the evidence.
not_applicable contains sub if {
	_permitted == false
	count(_personal) == 0
	some sub in _device_subs
}

_applies if not "4.10.device_compliance" in not_applicable

# 4.10.byod_policy

finding contains findings.insufficient(
	"4.10.byod_policy",
	"Unknown whether personal devices may be used for company work.",
	[],
	"Set program.personal_devices_permitted in the program file.",
) if {
	not is_boolean(_permitted)
}

finding contains f if {
	_permitted == true
	some f in program.procedure_findings("4.10.byod_policy", "byod", "personal-device (BYOD) procedure")
}

# 4.10.device_compliance, 4.10.updates

finding contains evidence.missing_finding(sub, "endpoints", "Export the device-management (MDM/UEM) inventory including personally owned devices.") if {
	_applies
	not evidence.present(evidence.get(["endpoints"]))
	some sub in ["4.10.device_compliance", "4.10.updates"]
}

finding contains f if {
	_applies
	some f in evidence.stale_findings("4.10.device_compliance", "endpoints", _personal, "personal device")
}

_fresh_personal := evidence.fresh("endpoints", _personal)

_compliance_remediation := "Enrol every personal device used for company work in device management and require encryption, a passcode and current updates before it gets access."

finding contains findings.violation(
	"4.10.device_compliance",
	sprintf("Personal device %s is used although personal devices are not permitted.", [evidence.name_of(d)]),
	"high",
	findings.refs(d),
	"Remove the device's access, or permit personal devices under an approved BYOD procedure.",
) if {
	_permitted == false
	some d in _fresh_personal
}

finding contains f if {
	some d in _fresh_personal
	some spec in [
		{"field": "mdm_enrolled", "fails": "not enrolled in device management", "unknown": "it is enrolled in device management"},
		{"field": "mdm_compliant", "fails": "not compliant with the device-management policy", "unknown": "it is compliant with the device-management policy"},
	]
	f := evidence.flag_finding("4.10.device_compliance", "endpoints", d, object.union(spec, {
		"what": sprintf("personal device %s", [evidence.name_of(d)]),
		"severity": "high",
		"remediation": _compliance_remediation,
	}))
}

finding contains f if {
	some d in _fresh_personal
	f := evidence.flag_finding("4.10.device_compliance", "endpoints", evidence.part(d, "disk_encryption"), {
		"field": "enabled",
		"what": sprintf("personal device %s", [evidence.name_of(d)]),
		"fails": "storage is not encrypted",
		"unknown": "its storage is encrypted",
		"severity": "high",
		"remediation": _compliance_remediation,
	})
}

finding contains f if {
	some f in endpoints.patch_findings("4.10.updates", _personal)
}

# 4.10.secure_access

finding contains f if {
	_applies
	f := evidence.flag_finding("4.10.secure_access", "network", evidence.get(["network", "access_control"]), {
		"field": "unmanaged_devices_blocked",
		"path": "network.access_control",
		"what": "network access control",
		"fails": "devices that are not enrolled and compliant can reach the company network",
		"unknown": "devices that are not enrolled and compliant are blocked",
		"severity": "high",
		"remediation": "Block devices that are not enrolled and compliant with conditional access or 802.1X/NAC.",
	})
}

# 4.10.removable_media

_media := evidence.get(["device_control"])

_media_remediation := "Block removable storage (or make it read-only or scan it on insertion) and turn off autorun by policy (GPO/Intune)."

# The device-control evidence with a flag telling whether removable storage is controlled.
_media_control := object.union(_media, {"controlled": _controlled(object.get(_media, "removable_media", null))}) if {
	is_object(_media)
} else := _media

_controlled(setting) := true if {
	setting in {"blocked", "read_only", "scanned"}
} else := false if {
	setting == "allowed"
} else := null

finding contains f if {
	f := evidence.flag_finding("4.10.removable_media", "device_control", _media_control, {
		"field": "controlled",
		"path": "device_control",
		"what": "removable media",
		"fails": "removable storage is allowed without control",
		"unknown": "removable storage is controlled",
		"severity": "high",
		"remediation": _media_remediation,
	})
}

finding contains f if {
	f := evidence.flag_finding("4.10.removable_media", "device_control", _media, {
		"field": "autorun_disabled",
		"path": "device_control",
		"what": "removable media",
		"fails": "autorun is enabled",
		"unknown": "autorun is disabled",
		"severity": "medium",
		"remediation": _media_remediation,
	})
}
