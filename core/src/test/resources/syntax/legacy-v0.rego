package legacy.rules

import future.keywords.in

default allow = false

allow {
	input.user == "root"
} {
	input.token == data.secret
}

violation[msg] {
	some i
	input.items[i].price < 0
	msg := sprintf("item %d has negative price", [i])
}

prices[name] = price {
	item := input.items[_]
	name := item.name
	price := item.price
}

total = sum([p | p := prices[_]])

discount = 0.1 {
	total > 100
} else = 0.05 {
	total > 50
} else = 0

has(x) {
	x in input.items
}

tags.known
flags[1]
