package rbac_test

import data.rbac

ticket(user, action) := {"user": user, "action": action, "resource": {"type": "ticket"}}

test_reader_can_read if {
	rbac.allow with input as ticket("bob", "read")
}

test_reader_cannot_close if {
	not rbac.allow with input as ticket("bob", "close")
}

test_agent_can_update if {
	rbac.allow with input as ticket("carol", "update")
}

test_admin_can_do_anything if {
	rbac.allow with input as ticket("alice", "delete")
}

test_unknown_user_is_denied_with_a_reason if {
	rbac.reasons == {`user "mallory" has no roles`} with input as ticket("mallory", "read")
}

test_denial_names_the_roles if {
	rbac.reasons == {`none of the roles ["reader"] grants close on ticket`}
		with input as ticket("bob", "close")
}
