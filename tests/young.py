"""Answers for the young person's journeys, shared by the client and browser tests (all fictional)."""

WRONG = [
    ("who", {"who": "me"}),
    ("what-kind", {"kind": "wrong"}),
    ("what-happened", {"story": "My social worker said she would come on Monday. She did not come. Nobody told me why."}),
    ("when", {"happened-day": "", "happened-month": "9", "happened-year": "2026"}),
    ("who-about", {"about": "My social worker"}),
    ("better", {"better": "I want her to come when she says, or tell me."}),
    ("in-care", {"in_care": "yes"}),
    ("advocate", {"advocate": "yes"}),
    ("name", {"name": "Jay Smith"}),
    ("contact", {"method": "email"}),
    ("contact-details", {"email": "jay.smith@example.com"}),
    ("safe", {"safe": "yes"}),
    ("help", {"help": "none", "language": "", "other": ""}),
]

GOOD = [
    ("who", {"who": "me"}),
    ("what-kind", {"kind": "good"}),
    ("what-happened", {"story": "My foster carer helped me with my homework every day."}),
    ("when", {"happened-day": "", "happened-month": "", "happened-year": "", "happened_unsure": "y"}),
    ("who-about", {"about": "", "about_unsure": "y"}),
    ("name", {"name": ""}),
    ("contact", {"method": "none"}),
    ("help", {"help": "none", "language": "", "other": ""}),
]

# An advocate filling it in for a young person, with the young person's agreement.
BY_ADVOCATE = [
    ("who", {"who": "for"}),
    ("helper", {"helper_name": "Robin Lee", "helper_role": "advocate", "helper_email": "robin.lee@advocacy.example.org.uk", "helper_phone": ""}),
    ("agreement", {"agreement": "given"}),
    ("what-kind", {"kind": "wrong"}),
    ("what-happened", {"story": "Sam has not seen their brother for three months. Family time keeps being cancelled."}),
    ("when", {"happened-day": "", "happened-month": "8", "happened-year": "2026"}),
    ("who-about", {"about": "Children in Care Team 1"}),
    ("better", {"better": "Family time every two weeks, as in the care plan."}),
    ("in-care", {"in_care": "yes"}),
    ("name", {"name": "Sam Taylor"}),
    ("help", {"help": "none", "language": "", "other": ""}),
]

# "I want an advocate to get in touch with me", by text, not safe to call at home.
ADVOCACY = [
    ("name", {"name": "Kai"}),
    ("contact", {"method": "text"}),
    ("contact-details", {"phone": "07700 900 123"}),
    ("safe", {"safe": "unsure"}),
    ("safe-how", {"safe_how": "Text after 4pm on a school day. Do not call."}),
    ("message", {"message": "It is about my placement."}),
]
