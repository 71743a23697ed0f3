# METADATA
# title: Effective thresholds
# description: |
#   The thresholds every criterion reads: the defaults in data.ctpat.config.thresholds,
#   overridden key by key (nested objects too) by input.thresholds when present, so one
#   compiled pack serves every caller.
package ctpat.lib.config

import rego.v1

_overrides := input.thresholds if {
	is_object(input.thresholds)
} else := {}

thresholds := object.union(data.ctpat.config.thresholds, _overrides)

# basis(key) says where the value of threshold key comes from, for finding messages.
basis(key) := "local setting" if {
	_overrides[key] != null
} else := data.ctpat.config.threshold_basis[key] if {
	is_string(data.ctpat.config.threshold_basis[key])
} else := "our default"
