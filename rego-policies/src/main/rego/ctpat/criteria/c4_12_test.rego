package ctpat.criteria.c4_12_test

import rego.v1

import data.ctpat.criteria.c4_12
import data.ctpat.testing
import data.ctpat.testing.fx

_result(doc) := r if {
	r := c4_12.result with input as doc
}

# Fixture backups: 0 = wms on-site NAS, 1 = wms cloud, 2 = customs-filing cloud,
# 3 = fileserver cloud.
_backup(i, patch) := testing.with_item(fx, "backups", i, patch)

test_pass_on_the_compliant_document if {
	r := _result(fx)
	r.status == "pass"
	r.requirement == "should"
}

test_fail_when_the_newest_backup_is_too_old if {
	r := _result(_backup(2, {"last_success_at": "2026-11-18T03:55:00Z"}))
	testing.failing(r) == {"4.12.backup_frequency"}
	testing.mentions(r, "4.12.backup_frequency", "The newest successful backup of customs-filing is 9 days old (as of 2026-11-27); at most 7 days are allowed (CTPAT 4.12: once a week)")
}

test_the_newest_of_several_copies_counts if {
	_result(_backup(0, {"last_success_at": "2026-10-01T01:00:00Z"})).status == "pass"
}

test_fail_when_a_system_that_needs_backups_has_none if {
	r := _result(object.union(fx, {"backups": array.slice(fx.backups, 0, 3)}))
	testing.failing(r) == {"4.12.backup_frequency"}
	testing.mentions(r, "4.12.backup_frequency", "System fileserver needs backups but has no backup.")
}

test_fail_without_an_offsite_copy if {
	r := _result(_backup(2, {"offsite": false}))
	testing.failing(r) == {"4.12.offsite_copy"}
	testing.mentions(r, "4.12.offsite_copy", "System customs-filing has no off-site or cloud copy")
}

test_fail_when_an_onsite_target_is_on_the_production_network if {
	r := _result(_backup(0, {"network_isolated": false}))
	testing.failing(r) == {"4.12.backup_isolation"}
}

test_fail_for_an_unencrypted_backup if {
	r := _result(_backup(1, {"encrypted": false}))
	testing.failing(r) == {"4.12.backup_encryption"}
	testing.mentions(r, "4.12.backup_encryption", "backup repository s3:tgl-backups/wms: backups are not encrypted")
}

test_fail_for_an_unencrypted_sensitive_system if {
	r := _result(testing.with_item(fx, "systems", 0, {"encryption_at_rest": {"enabled": false}}))
	testing.failing(r) == {"4.12.data_encryption"}
	testing.mentions(r, "4.12.data_encryption", "sensitive system wms: data at rest is not encrypted")
}

test_fail_for_an_unencrypted_company_device if {
	r := _result(testing.with_item(fx, "endpoints", 1, {"disk_encryption": {"enabled": false}}))
	testing.failing(r) == {"4.12.data_encryption"}
	testing.mentions(r, "4.12.data_encryption", "company device TGL-WS-022: the disk is not encrypted")
}

test_insufficient_when_a_backup_time_is_unknown if {
	r := _result(_backup(3, {"last_success_at": null}))
	testing.lacking(r) == {"4.12.backup_frequency"}
}

test_insufficient_evidence_without_backups if {
	r := _result(testing.without(fx, "backups"))
	r.status == "insufficient_evidence"
	testing.lacking(r) == {"4.12.backup_frequency", "4.12.offsite_copy", "4.12.backup_isolation", "4.12.backup_encryption"}
}

test_insufficient_evidence_without_systems if {
	r := _result(testing.without(fx, "systems"))
	testing.lacking(r) == {"4.12.backup_frequency", "4.12.data_encryption"}
}

test_stale_backup_export_is_insufficient if {
	r := _result(testing.collected_on(fx, "backups/veeam-sessions.csv", "2026-11-10"))
	r.status == "insufficient_evidence"
	testing.mentions(r, "4.12.backup_frequency", "backup Veeam Cloud Connect: evidence collected 17 days before 2026-11-27 is stale")
}

test_waived_missing_offsite_copy if {
	w := testing.waiver("4.12", "4.12.offsite_copy", "2027-06-30")
	r := _result(testing.waived(_backup(2, {"offsite": false}), w))
	r.status == "waived"
}

test_insufficient_when_no_copy_is_known_to_be_offsite if {
	r := _result(_backup(2, {"offsite": null}))
	testing.lacking(r) == {"4.12.offsite_copy"}
}

test_one_offsite_copy_is_enough_when_another_is_unknown if {
	r := _result(_backup(0, {"offsite": null}))
	testing.sub_status(r, "4.12.offsite_copy") == "pass"
}

test_insufficient_when_system_sensitivity_is_unknown if {
	r := _result(testing.with_item(fx, "systems", 3, {"sensitive": null}))
	testing.lacking(r) == {"4.12.data_encryption"}
}

test_insufficient_evidence_without_endpoints if {
	r := _result(testing.without(fx, "endpoints"))
	testing.lacking(r) == {"4.12.data_encryption"}
	testing.mentions(r, "4.12.data_encryption", "endpoints is missing")
}

test_stale_system_inventory_is_insufficient if {
	r := _result(testing.collected_on(fx, "systems/cmdb-systems.csv", "2026-03-01"))
	testing.lacking(r) == {"4.12.backup_frequency", "4.12.data_encryption"}
}
