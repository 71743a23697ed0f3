# METADATA
# title: Date arithmetic
# description: |
#   Whole-day arithmetic relative to input.organization.as_of, which is "today" for every
#   age computed by the pack (never the wall clock, so results are reproducible). Dates are
#   YYYY-MM-DD; a timestamp counts by its UTC calendar day.
package ctpat.lib.dates

import rego.v1

_ns_per_day := 86400000000000

_date_pattern := `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`

_timestamp_pattern := `^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$`

# is_date(x) is true when x is a YYYY-MM-DD string.
is_date(x) if {
	is_string(x)
	regex.match(_date_pattern, x)
}

# is_timestamp(x) is true when x is an RFC 3339 timestamp string.
is_timestamp(x) if {
	is_string(x)
	regex.match(_timestamp_pattern, x)
}

# _day_ns(x) is midnight UTC, in nanoseconds, of the day of date or timestamp x.
_day_ns(x) := time.parse_ns("2006-01-02", x) if is_date(x)

_day_ns(x) := t - (t % _ns_per_day) if {
	is_timestamp(x)
	t := time.parse_rfc3339_ns(x)
}

# as_of is the assessment day; undefined when input.organization.as_of is not a date.
as_of := input.organization.as_of if is_date(input.organization.as_of)

_today := _day_ns(as_of)

# age_days(x) is the number of whole days from date or timestamp x to as_of (negative when x
# lies after as_of); undefined when either is missing or malformed.
age_days(x) := (_today - _day_ns(x)) / _ns_per_day

# days_between(a, b) is the number of whole days from a to b.
days_between(a, b) := (_day_ns(b) - _day_ns(a)) / _ns_per_day

# not_after(a, b) is true when day a is on or before day b.
not_after(a, b) if _day_ns(a) <= _day_ns(b)
