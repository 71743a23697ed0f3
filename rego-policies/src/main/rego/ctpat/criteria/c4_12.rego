# METADATA
# title: Weekly backups and encryption of sensitive data
# description: >-
#   Back up data once a week or as appropriate (daily is recommended for production and shared
#   servers), preferably off-site (cloud backup counts as off-site) and not on the production
#   network, and store all sensitive and confidential data encrypted.
# custom:
#   criterion: "4.12"
#   requirement: should
#   sub_items:
#     - id: "4.12.backup_frequency"
#       title: Every system that needs backups had a successful backup within the allowed age
#       requirement: should
#     - id: "4.12.offsite_copy"
#       title: Every backed-up system has an off-site or cloud copy
#       requirement: should
#     - id: "4.12.backup_isolation"
#       title: On-site backup targets are not reachable from the production network
#       requirement: should
#     - id: "4.12.backup_encryption"
#       title: Every backup repository is encrypted
#       requirement: should
#     - id: "4.12.data_encryption"
#       title: Every sensitive system and every company device encrypts data at rest
#       requirement: should
#   evidence:
#     - backups
#     - systems
#     - endpoints[].disk_encryption
#   crosswalk:
#     basis: our own mapping (inferred); no official CBP crosswalk exists
#     nist_csf_2: ["PR.DS-11", "PR.DS-01", "RC.RP-03"]
#     cis_v8: ["11.2", "11.3", "11.4", "11.5", "3.6", "3.9", "3.11"]
package ctpat.criteria.c4_12

import rego.v1

import data.ctpat.lib.config
import data.ctpat.lib.criterion
import data.ctpat.lib.dates
import data.ctpat.lib.endpoints
import data.ctpat.lib.evidence
import data.ctpat.lib.findings

result := criterion.result(rego.metadata.chain(), finding, set())

_backups := evidence.get(["backups"])

_systems := evidence.get(["systems"])

_fresh_backups := evidence.fresh("backups", _backups)

_fresh_systems := evidence.fresh("systems", _systems)

_backup_subs := ["4.12.backup_frequency", "4.12.offsite_copy", "4.12.backup_isolation", "4.12.backup_encryption"]

_backup_remediation := "Export the backup job history (e.g. restic/borg snapshots, Veeam sessions) of every system."

finding contains evidence.missing_finding(sub, "backups", _backup_remediation) if {
	not evidence.present(_backups)
	some sub in _backup_subs
}

finding contains f if {
	some sub in _backup_subs
	some f in evidence.stale_findings(sub, "backups", _backups, "backup")
}

finding contains evidence.missing_finding(sub, "systems", "Export the system inventory, marking the systems that need backups and hold sensitive data.") if {
	not evidence.present(_systems)
	some sub in ["4.12.backup_frequency", "4.12.data_encryption"]
}

finding contains f if {
	some sub in ["4.12.backup_frequency", "4.12.data_encryption"]
	some f in evidence.stale_findings(sub, "systems", _systems, "system")
}

# 4.12.backup_frequency

_required := {s.id | some s in _fresh_systems; s.backup_required == true}

_backed_up := {b.system | some b in _fresh_backups}

_entries(system) := [b | some b in _fresh_backups; b.system == system]

finding contains findings.violation(
	"4.12.backup_frequency",
	sprintf("System %s needs backups but has no backup.", [system]),
	"high",
	[],
	"Set up an automated backup of the system, at least weekly.",
) if {
	evidence.present(_backups)
	some system in _required
	not system in _backed_up
	not _has_stale_backup(system)
}

_has_stale_backup(system) if {
	some b in evidence.list(_backups)
	b.system == system
	evidence.stale("backups", b)
}

finding contains findings.violation(
	"4.12.backup_frequency",
	sprintf("The newest successful backup of %s is %v days old (as of %s); at most %v days are allowed (%s).", [system, age, dates.as_of, config.thresholds.backup_max_age_days, config.basis("backup_max_age_days")]),
	"high",
	[r | some b in _entries(system); some r in findings.refs(b)],
	"Fix the failing backup jobs and back up at least weekly (daily for production and shared servers).",
) if {
	some system in _backed_up
	age := min([dates.age_days(b.last_success_at) | some b in _entries(system); dates.is_timestamp(b.last_success_at)])
	age > config.thresholds.backup_max_age_days
}

finding contains findings.insufficient(
	"4.12.backup_frequency",
	sprintf("System %s: the time of the last successful backup is unknown.", [system]),
	[r | some b in _entries(system); some r in findings.refs(b)],
	_backup_remediation,
) if {
	some system in _backed_up
	count([b | some b in _entries(system); dates.is_timestamp(b.last_success_at)]) == 0
}

# 4.12.offsite_copy

finding contains findings.violation(
	"4.12.offsite_copy",
	sprintf("System %s has no off-site or cloud copy of its backups.", [system]),
	"medium",
	[r | some b in _entries(system); some r in findings.refs(b)],
	"Keep a copy of the backups off-site or in the cloud.",
) if {
	some system in _backed_up
	not _has_stale_backup(system)
	every b in _entries(system) {
		b.offsite == false
	}
}

finding contains findings.insufficient(
	"4.12.offsite_copy",
	sprintf("System %s: unknown whether a backup copy is off-site.", [system]),
	[r | some b in _entries(system); some r in findings.refs(b)],
	_backup_remediation,
) if {
	some system in _backed_up
	not _offsite(system)
	some b in _entries(system)
	not is_boolean(object.get(b, "offsite", null))
}

_offsite(system) if {
	some b in _entries(system)
	b.offsite == true
}

# 4.12.backup_isolation

finding contains f if {
	some b in _fresh_backups
	not b.offsite == true
	f := evidence.flag_finding("4.12.backup_isolation", "backups", b, {
		"field": "network_isolated",
		"what": sprintf("backup repository %s", [evidence.name_of(b)]),
		"fails": "the on-site backup target is reachable from the production network",
		"unknown": "the backup target is separated from the production network",
		"severity": "medium",
		"remediation": "Keep backup targets on a separate network segment (or offline) that production systems cannot reach.",
	})
}

# 4.12.backup_encryption

finding contains f if {
	some b in _fresh_backups
	f := evidence.flag_finding("4.12.backup_encryption", "backups", b, {
		"field": "encrypted",
		"what": sprintf("backup repository %s", [evidence.name_of(b)]),
		"fails": "backups are not encrypted",
		"unknown": "backups are encrypted",
		"severity": "high",
		"remediation": "Encrypt the backup repository (e.g. restic/borg repository keys, KMS-encrypted vaults).",
	})
}

# 4.12.data_encryption

_encryption_remediation := "Encrypt data at rest (BitLocker, FileVault, LUKS, database TDE) on every company device and every system holding sensitive data."

finding contains findings.insufficient(
	"4.12.data_encryption",
	sprintf("Unknown whether system %s holds sensitive data.", [evidence.name_of(s)]),
	findings.refs(s),
	"Mark every system as sensitive or not.",
) if {
	some s in _fresh_systems
	not is_boolean(object.get(s, "sensitive", null))
}

finding contains f if {
	some s in _fresh_systems
	s.sensitive == true
	f := evidence.flag_finding("4.12.data_encryption", "systems", evidence.part(s, "encryption_at_rest"), {
		"field": "enabled",
		"what": sprintf("sensitive system %s", [evidence.name_of(s)]),
		"fails": "data at rest is not encrypted",
		"unknown": "data at rest is encrypted",
		"severity": "high",
		"remediation": _encryption_remediation,
	})
}

finding contains evidence.missing_finding("4.12.data_encryption", "endpoints", "Export the disk-encryption state of every company device.") if {
	not evidence.present(evidence.get(["endpoints"]))
}

finding contains f if {
	some d in endpoints.owned_by("company")
	f := evidence.flag_finding("4.12.data_encryption", "endpoints", evidence.part(d, "disk_encryption"), {
		"field": "enabled",
		"what": sprintf("company device %s", [evidence.name_of(d)]),
		"fails": "the disk is not encrypted",
		"unknown": "the disk is encrypted",
		"severity": "high",
		"remediation": _encryption_remediation,
	})
}
