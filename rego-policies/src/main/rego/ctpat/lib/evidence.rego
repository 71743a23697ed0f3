# METADATA
# title: Evidence access and staleness
# description: |
#   Reading the normalized input safely. A collection that is absent or null means "no
#   evidence"; an empty array means "evidence that there are none". An item is stale when its
#   evidence was collected more days before as_of than thresholds.evidence_max_age_days allows
#   for its kind (the top-level key it came from); the collection time is source.collected_at,
#   else the newest evidence_files[].collected_at of source.file. An item whose collection
#   time is unknown is not stale. Stale items give insufficient_evidence, never pass or fail.
package ctpat.lib.evidence

import rego.v1

import data.ctpat.lib.config
import data.ctpat.lib.dates
import data.ctpat.lib.findings

# _doc is the input document, or {} when there is none.
_doc := input if {
	is_object(input)
} else := {}

# get(path) is the value at path (an array of keys) in the input document, or null when
# any part of the path is absent.
get(path) := object.get(_doc, path, null)

# part(x, key) is the object x[key] with x's source when it has none of its own (so that
# its staleness and evidence references are those of x), or null when x[key] is no object.
part(x, key) := x[key] if {
	is_object(x[key].source)
} else := object.union(x[key], {"source": x.source}) if {
	is_object(x[key])
	is_object(x.source)
} else := x[key] if {
	is_object(x[key])
} else := null

# list(x) is x when it is an array, else [].
list(x) := x if {
	is_array(x)
} else := []

# text(s) is true when s is a string that is not blank.
text(s) if {
	is_string(s)
	trim_space(s) != ""
}

# present(x) is true when x is an array (possibly empty).
present(x) if is_array(x)

_files := list(get(["evidence_files"]))

# _collected_at(x) is when item x's evidence was collected; undefined when unknown.
_collected_at(x) := x.source.collected_at if {
	dates.is_timestamp(x.source.collected_at)
} else := max(times) if {
	times := {f.collected_at |
		some f in _files
		f.path == x.source.file
		dates.is_timestamp(f.collected_at)
	}
	count(times) > 0
}

# _evidence_age(x) is the age in days of item x's evidence.
_evidence_age(x) := dates.age_days(_collected_at(x))

_max_age(kind) := config.thresholds.evidence_max_age_days[kind]

# stale(kind, x) is true when item x of evidence kind is older than allowed.
stale(kind, x) if _evidence_age(x) > _max_age(kind)

# usable(kind, x) is true when x is an object whose evidence is not stale.
usable(kind, x) if {
	is_object(x)
	not stale(kind, x)
}

# fresh(kind, xs) is the usable items of array xs.
fresh(kind, xs) := [x | some x in list(xs); usable(kind, x)]

# stale_finding(sub, kind, x, what) is an insufficient_evidence finding when x is stale.
stale_finding(sub, kind, x, what) := findings.insufficient(
	sub,
	sprintf("%s: evidence collected %v days before %s is stale (at most %v days allowed for %s evidence)", [what, _evidence_age(x), dates.as_of, _max_age(kind), kind]),
	findings.refs(x),
	sprintf("Collect the %s evidence again.", [kind]),
) if {
	is_object(x)
	stale(kind, x)
}

# stale_findings(sub, kind, xs, label) holds a stale finding for every stale item of xs;
# label names an item of the collection, e.g. "endpoint".
stale_findings(sub, kind, xs, label) := {f |
	some x in list(xs)
	f := stale_finding(sub, kind, x, sprintf("%s %s", [label, name_of(x)]))
}

# has_stale(kind, xs) is true when some item of xs is stale.
has_stale(kind, xs) if {
	some x in list(xs)
	stale(kind, x)
}

_name_keys := ["id", "hostname", "person_id", "asset_id", "name", "repository", "scope", "system", "title", "path"]

# name_of(x) is the first identifying field of item x, for messages.
name_of(x) := names[0] if {
	is_object(x)
	names := [v | some k in _name_keys; v := object.get(x, k, null); is_string(v)]
	count(names) > 0
} else := "(unnamed)"

# missing_finding(sub, what, remediation) says that evidence `what` is absent.
missing_finding(sub, what, remediation) := findings.insufficient(sub, sprintf("No evidence: %s is missing.", [what]), [], remediation)

# missing_for(sub, path, purpose, remediation) says that evidence at path (e.g.
# "program.security_tests") is absent, so that purpose (e.g. "the external vulnerability
# scan") cannot be checked.
missing_for(sub, path, purpose, remediation) := findings.insufficient(sub, sprintf("No evidence: %s is missing, so %s cannot be checked.", [path, purpose]), [], remediation)

# unusable_finding(sub, kind, x, what, remediation) is the finding for an object x that is
# absent (not an object) or stale; undefined when x is usable.
unusable_finding(sub, kind, x, what, remediation) := missing_finding(sub, what, remediation) if {
	not is_object(x)
} else := stale_finding(sub, kind, x, what)

# flag_finding(sub, kind, x, spec) checks that x[spec.field] is true. spec has: field,
# what (names x; also the missing evidence unless spec.path names it), fails (the message
# when false), unknown (what is unknown), severity, remediation. The finding is a violation
# when the flag is false, insufficient evidence when it is not a boolean or x is absent or
# stale, and undefined when the flag is true.
flag_finding(sub, kind, x, spec) := missing_for(sub, spec.path, spec.what, spec.remediation) if {
	not is_object(x)
	spec.path
} else := f if {
	f := unusable_finding(sub, kind, x, spec.what, spec.remediation)
} else := findings.violation(sub, sprintf("%s: %s", [spec.what, spec.fails]), spec.severity, findings.refs(x), spec.remediation) if {
	x[spec.field] == false
} else := findings.insufficient(sub, sprintf("%s: unknown whether %s", [spec.what, spec.unknown]), findings.refs(x), spec.remediation) if {
	not object.get(x, spec.field, null) == true
}
