"""Equalities monitoring: the optional questions after a complaint is sent, and the separate
store their answers go to. See portal.equality.routes and portal.equality.store."""
