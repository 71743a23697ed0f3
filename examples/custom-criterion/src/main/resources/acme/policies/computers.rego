# METADATA
# title: Company computers are encrypted and lock their screen within 15 minutes
# description: >-
#   ACME's own rule on top of CTPAT 4.12: every company workstation or server encrypts its
#   disk, and locks its screen after at most 15 minutes without input. The screen-lock
#   timeouts come from ACME's own export (acme_screen_lock: one entry per hostname).
# custom:
#   criterion: "ACME.1"
#   requirement: must
#   sub_items:
#     - id: "ACME.1.disk_encryption"
#       title: "Every company computer encrypts its disk"
#     - id: "ACME.1.screen_lock"
#       title: "Every company computer locks its screen after at most 15 minutes"
#   evidence:
#     - endpoints
#     - acme_screen_lock
package acme.criteria.computers

import rego.v1

import data.ctpat.lib.criterion
import data.ctpat.lib.evidence
import data.ctpat.lib.findings

result := criterion.result(rego.metadata.chain(), finding, set())

max_lock_minutes := 15

_endpoints := evidence.get(["endpoints"])

_computers := [e |
	some e in evidence.list(_endpoints)
	object.get(e, "owner_type", null) == "company"
	object.get(e, "role", null) != "mobile"
]

_locks := evidence.get(["acme_screen_lock"])

_encryption_remediation := "Turn on BitLocker, FileVault or LUKS."

_lock_remediation := sprintf("Lock the screen after at most %v minutes by policy.", [max_lock_minutes])

finding contains evidence.missing_finding(sub, "endpoints", "Export the device inventory.") if {
	not evidence.present(_endpoints)
	some sub in ["ACME.1.disk_encryption", "ACME.1.screen_lock"]
}

finding contains f if {
	some c in _computers
	f := evidence.flag_finding("ACME.1.disk_encryption", "endpoints", evidence.part(c, "disk_encryption"), {
		"field": "enabled",
		"what": sprintf("computer %s", [evidence.name_of(c)]),
		"fails": "the disk is not encrypted",
		"unknown": "the disk is encrypted",
		"severity": "high",
		"remediation": _encryption_remediation,
	})
}

finding contains evidence.missing_finding("ACME.1.screen_lock", "acme_screen_lock", "Export the screen-lock policy of every computer.") if {
	not evidence.present(_locks)
}

# _timeouts(host) is the screen-lock timeouts the export lists for a host.
_timeouts(host) := [t | some l in evidence.list(_locks); l.hostname == host; t := l.timeout_minutes; is_number(t)]

finding contains findings.violation(
	"ACME.1.screen_lock",
	sprintf("%s locks its screen after %v minutes (0 = never); at most %v are allowed.", [c.hostname, t, max_lock_minutes]),
	"medium",
	findings.refs(c),
	_lock_remediation,
) if {
	some c in _computers
	some t in _timeouts(c.hostname)
	not _acceptable(t)
}

finding contains findings.insufficient(
	"ACME.1.screen_lock",
	sprintf("%s: the screen-lock timeout is unknown.", [evidence.name_of(c)]),
	findings.refs(c),
	_lock_remediation,
) if {
	evidence.present(_locks)
	some c in _computers
	count(_timeouts(c.hostname)) == 0
}

_acceptable(t) if {
	t > 0
	t <= max_lock_minutes
}
