"""Answers for whole journeys, shared by the client and browser tests. All people are fictional."""

from datetime import date

COMPLAINT = [
    ("what-to-tell-us", {"kind": "complaint"}),
    ("who-you-are", {"role": "parent"}),
    ("child", {"child_name": "Sam Jones", "child_dob-day": "14", "child_dob-month": "3", "child_dob-year": "2015"}),
    ("in-care", {"in_care": "no"}),
    ("agreement", {"consent": "given"}),
    ("service", {"service_area": "assessment", "team": "Assessment Team"}),
    ("what-happened", {"what": "Our social worker missed three visits in a row and nobody told us why."}),
    ("when", {"happened-day": "", "happened-month": "9", "happened-year": "2026"}),
    ("outcome", {"outcome": "An explanation and a named worker who turns up."}),
    ("proceedings", {"proceedings": "none"}),
    ("your-name", {"full_name": "Alex Jones"}),
    ("contact", {"method": "email"}),
    ("contact-details", {"email": "alex.jones@example.com"}),
    ("safe-contact", {"safe": "yes"}),
    ("support", {"support": "none", "interpreter_language": "", "other_support": ""}),
]

COMPLIMENT = [
    ("what-to-tell-us", {"kind": "compliment"}),
    ("who-you-are", {"role": "foster_carer"}),
    ("child", {"child_name": "", "child_dob-day": "", "child_dob-month": "", "child_dob-year": ""}),
    ("service", {"service_area": "children-in-care", "team": ""}),
    ("what-happened", {"what": "Our supervising social worker went out of her way to help us."}),
    ("share", {"share": "yes"}),
    ("your-name", {"full_name": ""}),
    ("contact", {"method": "none"}),
]

COMPLAINT_SLUGS = [slug for slug, _ in COMPLAINT]
COMPLIMENT_SLUGS = [slug for slug, _ in COMPLIMENT]

# The same complaint from someone who asked to be phoned: no email, so staff acknowledge it.
BY_PHONE = {"contact": {"method": "phone"}, "contact-details": {"phone": "07700 900 982"}}
COMPLAINT_BY_PHONE = [(slug, BY_PHONE.get(slug, data)) for slug, data in COMPLAINT]

# The equality questions after a complaint is sent, answered (tests/browser/equality.py).
PNTS = "prefer_not_to_say"

ADULT_ANSWERS = {
    "child-sex": {"sex": "female"},
    "child-ethnic-group": {"ethnic_group": "white"},
    "child-ethnic-background": {"ethnic_background": "white_other", "ethnic_text": "Polish"},
    "child-health": {"condition": "yes"},
    "child-health-impact": {"condition_impact": "a_lot"},
    "child-religion": {"religion": "christian"},
    "you-date-of-birth": {"dob-day": "", "dob-month": "6", "dob-year": "1984"},
    "you-sex": {"sex": "female"},
    "you-gender": {"gender_same": "no", "gender_text": "Non-binary"},
    "you-sexual-orientation": {"sexual_orientation": "straight"},
    "you-ethnic-group": {"ethnic_group": "black"},
    "you-ethnic-background": {"ethnic_background": "black_caribbean"},
    "you-health": {"condition": "no"},
    "you-religion": {"religion": "other", "religion_text": "Rastafari"},
}
YOUNG_ANSWERS = {
    "you-date-of-birth": {"dob-day": "", "dob-month": "", "dob-year": str(date.today().year - 17)},
    "you-sex": {"sex": "male"},
    "you-gender": {"gender_same": "yes"},
    "you-sexual-orientation": {"sexual_orientation": PNTS},
    "you-ethnic-group": {"ethnic_group": "mixed"},
    "you-ethnic-background": {"ethnic_background": "mixed_other", "ethnic_text": "Irish and Ghanaian"},
    "you-health": {"condition": "yes"},
    "you-health-impact": {"condition_impact": "a_little"},
    "you-religion": {"religion": "none"},
}
