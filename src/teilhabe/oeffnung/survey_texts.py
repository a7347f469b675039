"""The questionnaire's wording in German and English.

Kept in code rather than in the gettext catalogues (like the invitation letters of the
Seiteneinstieg): the questionnaire is public, must be complete in each language it offers
whatever catalogues are compiled, and the code letter prints both languages at once.
"""

from __future__ import annotations

SURVEY_LANGUAGES = ("de", "en")

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "title": "Beschäftigtenbefragung",
        "intro": (
            "Die Befragung ist freiwillig und anonym. Wir speichern weder Ihren Namen noch "
            "Ihre IP-Adresse noch den Zeitpunkt Ihrer Antwort, und Ihr Zugangscode wird nicht "
            "mit Ihrer Antwort verbunden. Ergebnisse werden nur für Gruppen von mindestens "
            "fünf Antworten veröffentlicht."
        ),
        "code_label": "Zugangscode",
        "code_help": "Der Code steht in Ihrem Brief, z. B. ABCD-EFGH-JKLM-NPQR.",
        "code_required": "Bitte geben Sie Ihren Zugangscode ein.",
        "start": "Fragebogen öffnen",
        "other_language": "English",
        "errors_heading": "Ihre Antwort wurde nicht gespeichert. Bitte korrigieren:",
        "you": "Angaben zu Ihnen",
        "parent_1": "Angaben zu einem Elternteil",
        "parent_2": "Angaben zum anderen Elternteil",
        "parent_help": (
            "Wenn Sie etwas nicht wissen, wählen Sie „weiß nicht / keine Angabe“ "
            "oder lassen Sie das Feld leer."
        ),
        "german_now": (
            "Sind Sie heute Deutsche oder Deutscher (deutsche Staatsangehörigkeit oder als "
            "Spätaussiedlerin oder Spätaussiedler anerkannt)?"
        ),
        "birth_country": "Geburtsland (heutige Grenzen)",
        "german_at_birth": (
            "Deutsche Staatsangehörigkeit seit der Geburt (auch neben einer anderen)?"
        ),
        "immigration_year": "Jahr des Zuzugs nach Deutschland",
        "immigration_year_help": "Nur wenn außerhalb Deutschlands geboren.",
        "parent_birth_country": "Geburtsland",
        "parent_german_at_birth": "Deutsche Staatsangehörigkeit seit der Geburt?",
        "parent_immigration_year": "Jahr des Zuzugs nach Deutschland",
        "more": "Weitere Angaben (freiwillig)",
        "department": "Dienststelle",
        "age_band": "Altersgruppe",
        "career_group": "Laufbahn- bzw. Entgeltgruppe",
        "languages": "Sprachen, die Sie bei der Arbeit nutzen (außer Deutsch)",
        "comment": "Möchten Sie uns noch etwas mitteilen?",
        "comment_help": "Bitte keine Namen oder Angaben, die Sie erkennbar machen.",
        "no_answer": "keine Angabe",
        "yes": "ja",
        "no": "nein",
        "unknown": "weiß nicht / keine Angabe",
        "submit": "Antwort absenden",
        "thanks_title": "Vielen Dank!",
        "thanks": (
            "Ihre Antwort ist gespeichert. Ihr Zugangscode ist damit verbraucht; "
            "Sie können den Brief entsorgen."
        ),
        "required": "Bitte beantworten Sie diese Frage.",
        "year_invalid": "Bitte ein Jahr mit vier Ziffern angeben.",
        "age_u30": "unter 30",
        "age_30_44": "30 bis 44",
        "age_45_59": "45 bis 59",
        "age_60p": "60 und älter",
        "career_trainee": "Ausbildung / Studium",
        "career_lg1": "Laufbahngruppe 1 / E 1 bis E 8",
        "career_lg2_1": "Laufbahngruppe 2, erstes Einstiegsamt / E 9 bis E 12",
        "career_lg2_2": "Laufbahngruppe 2, zweites Einstiegsamt / E 13 bis E 15",
        "career_other": "andere",
    },
    "en": {
        "title": "Staff survey",
        "intro": (
            "Taking part is voluntary and anonymous. We store neither your name nor your IP "
            "address nor the time of your answer, and your access code is not linked to your "
            "answer. Results are published only for groups of at least five answers."
        ),
        "code_label": "Access code",
        "code_help": "The code is printed in your letter, e.g. ABCD-EFGH-JKLM-NPQR.",
        "code_required": "Please enter your access code.",
        "start": "Open the questionnaire",
        "other_language": "Deutsch",
        "errors_heading": "Your answer was not saved. Please correct:",
        "you": "About you",
        "parent_1": "About one parent",
        "parent_2": "About the other parent",
        "parent_help": "If you do not know, choose “don't know / no answer” or leave it empty.",
        "german_now": (
            "Are you German today (German citizen or recognised as a late repatriate, "
            "Spätaussiedler)?"
        ),
        "birth_country": "Country of birth (today's borders)",
        "german_at_birth": "German citizen since birth (also beside another citizenship)?",
        "immigration_year": "Year you moved to Germany",
        "immigration_year_help": "Only if you were born outside Germany.",
        "parent_birth_country": "Country of birth",
        "parent_german_at_birth": "German citizen since birth?",
        "parent_immigration_year": "Year of moving to Germany",
        "more": "More about you (optional)",
        "department": "Department",
        "age_band": "Age group",
        "career_group": "Career or pay group",
        "languages": "Languages you use at work (besides German)",
        "comment": "Anything else you would like to tell us?",
        "comment_help": "Please do not give names or details that identify you.",
        "no_answer": "no answer",
        "yes": "yes",
        "no": "no",
        "unknown": "don't know / no answer",
        "submit": "Send answer",
        "thanks_title": "Thank you!",
        "thanks": (
            "Your answer has been saved. Your access code is now used up; you may throw the "
            "letter away."
        ),
        "required": "Please answer this question.",
        "year_invalid": "Please give a year with four digits.",
        "age_u30": "under 30",
        "age_30_44": "30 to 44",
        "age_45_59": "45 to 59",
        "age_60p": "60 and over",
        "career_trainee": "Apprenticeship / studies",
        "career_lg1": "Career group 1 / pay grades E 1 to E 8",
        "career_lg2_1": "Career group 2, first entry level / E 9 to E 12",
        "career_lg2_2": "Career group 2, second entry level / E 13 to E 15",
        "career_other": "other",
    },
}

# Languages offered in the "languages at work" question (ISO 639-1), named in each language.
WORK_LANGUAGES: dict[str, tuple[str, str]] = {
    "en": ("Englisch", "English"),
    "tr": ("Türkisch", "Turkish"),
    "ar": ("Arabisch", "Arabic"),
    "ru": ("Russisch", "Russian"),
    "uk": ("Ukrainisch", "Ukrainian"),
    "pl": ("Polnisch", "Polish"),
    "fr": ("Französisch", "French"),
    "es": ("Spanisch", "Spanish"),
    "it": ("Italienisch", "Italian"),
    "fa": ("Persisch / Dari", "Persian / Dari"),
    "ku": ("Kurdisch", "Kurdish"),
    "el": ("Griechisch", "Greek"),
    "ro": ("Rumänisch", "Romanian"),
    "bs": ("Bosnisch / Kroatisch / Serbisch", "Bosnian / Croatian / Serbian"),
    "sgn": ("Gebärdensprache", "Sign language"),
}

# Service error messages are German; the English questionnaire shows these instead.
ERRORS_EN: dict[str, str] = {
    "unknown": "We do not know this access code. Please check what you typed.",
    "used": "This access code has already been used for an answer. Each code is valid once.",
    "closed": "The survey is not open.",
}
