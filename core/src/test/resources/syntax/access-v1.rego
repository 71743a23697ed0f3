# METADATA
# title: Access control
# description: Who may do what.
package ctpat.access

import data.lib.roles as roles
import input.request

# METADATA
# title: Allow
# entrypoint: true
default allow := false

allow if {
	some role in roles.of(input.user)
	role == "admin"
}

allow if request.method == "GET"

# Everyone in a team can read its documents.
allow if {
	team := data.teams[request.team]
	input.user in team.members
	not request.write
}

deny contains msg if {
	count(input.items) > 10
	msg := sprintf("too many items: %d", [count(input.items)])
}

deny contains "no user" if not input.user

limits.max_items := 10

limits.by_team[name] := n if {
	some name, t in data.teams
	n := count(t.members) * 2
}

grade(score) := "A" if {
	score >= 90
} else := "B" if {
	score >= 80
} else := "C"

is_even(n) if n % 2 == 0

members := {m | some t in data.teams; some m in t.members}

by_user := {u: [d | some d in input.docs; d.owner == u] | some u in members}

all_ok if {
	every item in input.items {
		item.price >= 0
		item.qty > 0
	}
	allow with input.user as "admin" with roles.of as ["admin"]
}
