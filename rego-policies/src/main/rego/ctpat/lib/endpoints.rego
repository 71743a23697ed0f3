# METADATA
# title: Endpoint helpers
# description: Patch-state checks shared by 4.2 (company devices) and 4.10 (personal devices).
package ctpat.lib.endpoints

import rego.v1

import data.ctpat.lib.config
import data.ctpat.lib.dates
import data.ctpat.lib.evidence
import data.ctpat.lib.findings

# owned_by(owner_type) is the endpoints with that owner_type (company or personal).
owned_by(owner_type) := [e | some e in evidence.list(evidence.get(["endpoints"])); object.get(e, "owner_type", null) == owner_type]

# company_managed is every endpoint not declared personal. An endpoint whose ownership the
# evidence leaves unknown was reported by the company's own tooling (anti-malware, firewall or
# patch exports), so the company's obligations of 4.2 apply to it.
company_managed := [e | some e in evidence.list(evidence.get(["endpoints"])); object.get(e, "owner_type", null) != "personal"]

# patch_findings(sub, hosts) checks that no host has a pending security update older than
# thresholds.patch_max_pending_days.
patch_findings(sub, hosts) := {f | some h in hosts; some f in _patch(sub, h)}

_remediation := "Install the pending security updates (enable automatic updates) and export the patch state again."

_patch(sub, h) := _patch_state(sub, evidence.name_of(h), evidence.part(h, "patches"))

_patch_state(sub, host, patches) := {f} if {
	f := evidence.unusable_finding(sub, "endpoints", patches, sprintf("patch state of %s", [host]), _remediation)
} else := set() if {
	patches.pending_security_updates == 0
} else := {findings.violation(
	sub,
	sprintf("%s: %v security updates pending since %s, %v days before %s; at most %v days are allowed (%s).", [host, patches.pending_security_updates, patches.oldest_pending_since, dates.age_days(patches.oldest_pending_since), dates.as_of, config.thresholds.patch_max_pending_days, config.basis("patch_max_pending_days")]),
	"high",
	findings.refs(patches),
	_remediation,
)} if {
	is_number(patches.pending_security_updates)
	patches.pending_security_updates > 0
	dates.age_days(patches.oldest_pending_since) > config.thresholds.patch_max_pending_days
} else := set() if {
	is_number(patches.pending_security_updates)
	patches.pending_security_updates > 0
	dates.age_days(patches.oldest_pending_since) <= config.thresholds.patch_max_pending_days
} else := {findings.insufficient(
	sub,
	sprintf("%s: unknown how many security updates are pending, or since when.", [host]),
	findings.refs(patches),
	_remediation,
)} if {
	dates.as_of
}
