# METADATA
# title: Accounts and people
# description: Lookups shared by 4.7, 4.8 and 12.8.
package ctpat.lib.identity

import rego.v1

import data.ctpat.lib.evidence

accounts := evidence.get(["accounts"])

personnel := evidence.get(["personnel"])

# fresh_accounts and fresh_personnel are the items whose evidence is not stale.
fresh_accounts := evidence.fresh("accounts", accounts)

fresh_personnel := evidence.fresh("personnel", personnel)

# person(id) is the (first) fresh personnel record with person_id id.
person(id) := matches[0] if {
	matches := [p | some p in fresh_personnel; p.person_id == id]
	count(matches) > 0
}

# enabled_accounts is the fresh accounts that are enabled.
enabled_accounts := [a | some a in fresh_accounts; a.enabled == true]

# interactive(a) is true unless a is a service account.
interactive(a) if not object.get(a, "service", null) == true

# label(a) names account a with its system, e.g. "jdoe@ad".
label(a) := sprintf("%s@%s", [evidence.name_of(a), _system(a)])

_system(a) := a.system if {
	is_string(a.system)
} else := "?"
