# Role-based access control for a small ticketing system.
#
# Roles and who holds them are data (data.json next to this file); the request is the input:
#   {"user": "carol", "action": "update", "resource": {"type": "ticket", "id": "T-1042"}}
package rbac

default allow := false

# A user may act when one of their roles grants the action on the resource type.
allow if {
	some grant in grants
	grant.action == input.action
	grant.type == input.resource.type
}

# Administrators may do anything.
allow if "admin" in user_roles

# The roles bound to the requesting user.
user_roles contains role if some role in data.role_bindings[input.user]

# Every grant of every role the user holds.
grants contains grant if {
	some role in user_roles
	some grant in data.roles[role]
}

# Why a request is denied, for the people who read the decision log.
reasons contains msg if {
	not allow
	count(user_roles) == 0
	msg := sprintf("user %q has no roles", [input.user])
}

reasons contains msg if {
	not allow
	count(user_roles) > 0
	msg := sprintf("none of the roles %v grants %s on %s",
		[sort(user_roles), input.action, input.resource.type])
}
