"""Who is acted on, by role (issue 13, evact): the patient of a passive or a participle, the
place of an act beside its patient, pronouns, outsiders and the doer's own forces.  Sentences
written for each pattern, each beside a near text that keeps its reading (none taken from
evaluation data)."""

from __future__ import annotations

from tests.event_helpers import counted_events, one_event

# A short local story in one country, so that its unmarked people and towns are at home.
OHIO = ("DAYTON, Ohio (AP) — Police in Dayton, Ohio, said on Tuesday that a fire at a warehouse "
        "in Dayton was set on purpose. Sheriff Tom Walsh of Montgomery County said deputies "
        "were searching for witnesses. ")


def _countries(refs):
    return {a.country for a in refs if a.country}


# ------------------------------------------------ a participle on a noun is done to the noun
def test_a_participle_read_as_a_past_tense_is_still_done_to_its_noun(nlp):
    # the tagger reads "shot" a past tense; with no subject of its own it is a participle
    text = "The museum honours Tom Baker, a pilot shot down over Cuba in 1962."
    ev = one_event(nlp, text, "ASSAULT", "shot down")
    assert not any("pilot" in a.text for a in ev.sources)
    assert any("pilot" in a.text for a in ev.targets)


def test_a_relative_who_in_a_passive_is_the_noun_it_hangs_on(nlp):
    text = "Iran freed three Canadian students who were convicted of spying in 2019."
    ev = one_event(nlp, text, "SANCTION", "convicted")
    assert _countries(ev.targets) == {"CAN"}


# ------------------------------------------- the place of an act on a named patient
def test_a_place_an_expulsion_is_from_is_not_its_recipient(nlp):
    text = ("Hundreds of Haitians were expelled from the Dominican Republic last month, the "
            "agency said.")
    ev = one_event(nlp, text, "COERCE", "expelled")
    assert _countries(ev.targets) == {"HTI"}


def test_a_place_a_plane_is_shot_down_over_is_not_its_recipient(nlp):
    text = "Captain Tom Baker was held in a camp after he was shot down over Belgrade in 1999."
    ev = one_event(nlp, text, "ASSAULT", "shot down")
    assert "SRB" not in _countries(ev.targets)


def test_a_state_that_expels_diplomats_from_its_capital_is_no_recipient(nlp):
    text = "Russia expelled two British diplomats from Moscow on Monday."
    ev = one_event(nlp, text, "SANCTION", "expelled")
    assert _countries(ev.targets) == {"GBR"}


def test_a_from_phrase_with_no_patient_still_names_the_recipient(nlp):
    text = "China demanded an apology from Japan on Monday."
    ev = one_event(nlp, text, "REQUEST", "demanded")
    assert _countries(ev.targets) == {"JPN"}


# --------------------------------------------------------------------------- pronouns
def test_he_in_a_clause_hung_on_a_named_subject_is_that_person(nlp):
    # the last person quoted before (the defence secretary) is not who "he" is here
    text = ("Defense Secretary Mark Esper said on Tuesday the two countries were close. "
            "Captain Tom Baker was held in a camp after he was shot down in 1999.")
    ev = one_event(nlp, text, "ASSAULT", "shot down")
    assert any("Baker" in a.text for a in ev.targets)
    assert not any("Esper" in a.text for a in ev.targets)


def test_he_is_not_the_officials_who_report_it(nlp):
    text = OHIO + "He was shot in the leg outside the warehouse on Monday, officials said."
    ev = one_event(nlp, text, "ASSAULT", "shot in the leg")
    assert not any("officials" in a.text for a in ev.targets)


def test_him_is_the_person_named_before_who_is_not_the_doer(nlp):
    text = ("Prime Minister Boris Johnson spoke in London on Monday. Chinese President Xi "
            "Jinping later invited him for talks.")
    ev = one_event(nlp, text, "AGREE", "invited")
    assert any("Johnson" in a.text for a in ev.targets)
    assert _countries(ev.targets) == {"GBR"}


def test_him_is_left_open_when_two_people_could_be_meant(nlp):
    text = ("Prime Minister Boris Johnson met Chancellor Angela Merkel in London on Monday. "
            "Chinese President Xi Jinping later invited him for talks.")
    ev = one_event(nlp, text, "AGREE", "invited")
    assert not _countries(ev.targets) - {"CHN"}


# --------------------------------------------------------------------- outsiders, own forces
def test_western_journalists_are_of_no_one_country(nlp):
    text = ("MINSK, Belarus (AP) — Officials in Minsk, Belarus said on Monday the vote was "
            "fair. Western reporters were denied access to the polling stations.")
    ev = one_event(nlp, text, "REJECT", "denied")
    assert not _countries(ev.targets)


def test_western_residents_of_a_state_are_at_home(nlp):
    text = OHIO + "Police arrested two western Ohio residents on Wednesday."
    ev = one_event(nlp, text, "COERCE", "arrested")
    assert _countries(ev.targets) == {"USA"}


def test_the_doer_s_own_forces_are_no_recipient(nlp):  # their officers, its troops
    text = OHIO + "The state's police chiefs put all their officers on alert on Wednesday."
    evs = [e for e in counted_events(nlp, text) if e.type == "MOBILIZE"]
    text2 = OHIO + "The army deployed all its troops on Wednesday."
    evs += [e for e in counted_events(nlp, text2) if e.type == "MOBILIZE"]
    assert evs and all(not _countries(e.targets) for e in evs)


def test_forces_sent_against_someone_keep_the_recipient(nlp):
    text = "Russia deployed its troops to the border with Ukraine on Monday."
    evs = [e for e in counted_events(nlp, text) if e.type == "MOBILIZE"]
    assert evs and "UKR" in _countries(evs[0].targets)


# ------------------------------------------------- a nationality as a description of a person
def test_the_australian_after_a_named_person_gives_his_country(nlp):
    text = ("Prosecutors in Norway dropped the case against activist Tom Berry on Monday. "
            "Berry, who denies the charge, lives in Oslo. The 51-year-old Australian was "
            "arrested in March. A judge rejected Berry's appeal on Tuesday.")
    ev = one_event(nlp, text, "REJECT", "rejected")
    assert _countries(ev.targets) == {"AUS"}


def test_the_kremlin_is_no_description_of_the_person_before(nlp):
    text = OHIO + ("Activist Tom Berry criticized Russia on Wednesday. The Kremlin denied it. "
                   "Berry urged the mayor to respond.")
    ev = one_event(nlp, text, "REQUEST", "urged")
    assert _countries(ev.sources) == {"USA"}


# ------------------------------------------------------------ audiences and named modifiers
def test_a_judgement_told_to_a_programme_is_about_its_subject(nlp):
    text = ('"Iran is a dangerous and reckless regime," Senator John Smith told CNN\'s '
            '"State of the Union" on Sunday.')
    ev = one_event(nlp, text, "ACCUSE", "told")
    assert _countries(ev.targets) == {"IRN"}


def test_a_name_on_an_act_done_by_someone_else_is_its_recipient(nlp):
    text = ("The remarks followed a surprise Biden endorsement by Emmanuel Macron, the "
            "president of France.")
    ev = one_event(nlp, text, "SUPPORT", "endorsement")
    assert _countries(ev.targets) == {"USA"}
    assert _countries(ev.sources) == {"FRA"}


# ------------------------------------------------------------ themes, "them", "the country"
def test_what_someone_is_provided_with_is_no_recipient(nlp):
    text = ("The minister announced on Monday that Japan will provide Indonesia's navy "
            "with three British patrol boats.")
    ev = one_event(nlp, text, "AGREE", "provide")
    assert _countries(ev.targets) == {"IDN"}


def test_a_deal_signed_with_a_state_keeps_the_state(nlp):
    text = "Iran signed a deal with Russia on Monday."
    evs = [e for e in counted_events(nlp, text) if e.trigger == "signed"]
    assert evs and _countries(evs[0].targets) == {"RUS"}


def test_them_is_whom_the_sentence_acted_on_before(nlp):
    text = OHIO + "Police arrested 20 protesters on Wednesday and beat them with batons."
    ev = one_event(nlp, text, "ASSAULT", "beat")
    assert any("protesters" in a.text for a in ev.targets)


def test_the_country_is_the_state_named_before_it(nlp):
    text = "British soldiers left Iraq in 2009, six years after London invaded the country."
    ev = one_event(nlp, text, "ASSAULT", "invaded")
    assert _countries(ev.targets) == {"IRQ"}


def test_the_country_is_not_the_doer_s_own(nlp):
    text = "Iraq said on Monday that Turkey had attacked the country."
    ev = one_event(nlp, text, "ASSAULT", "attacked")
    assert _countries(ev.targets) == {"IRQ"}


# ------------------------------------------------ whence one is released, helpers, charges
def test_what_someone_is_released_from_is_no_recipient(nlp):
    text = ("The activist spoke in Minsk on Monday, two years after she was released from "
            "prison, a victory for the European Union's policy.")
    ev = one_event(nlp, text, "RETREAT", "released")
    assert "EUR" not in _countries(ev.targets)


def test_a_helper_named_with_with_is_no_recipient(nlp):
    text = "Detectives questioned the owner with the help of the FBI on Monday."
    ev = one_event(nlp, text, "ACCUSE", "questioned")
    assert not any("FBI" in a.text for a in ev.targets)


def test_the_charged_are_those_arrested_on_the_charges(nlp):
    text = OHIO + "Two students were detained on charges of vandalism on Monday, police said."
    ev = one_event(nlp, text, "ACCUSE", "charges")
    assert any("students" in a.text for a in ev.targets)
    assert _countries(ev.sources) == {"USA"}  # a passive arrest: the state's


# ------------------------------------------------- a state's act on unnamed people at home
def test_a_state_s_police_acting_in_their_own_country_act_on_its_people(nlp):
    # a British story (London dateline) about police in Seoul
    text = ("LONDON (Reuters) - British ministers met in London on Monday to discuss trade. "
            "Officials in London said talks went well. Police in Seoul, South Korea detained "
            "dozens overnight.")
    ev = one_event(nlp, text, "COERCE", "detained")
    assert _countries(ev.targets) == {"KOR"}


def test_a_weapons_test_in_the_doer_s_country_has_no_recipient(nlp):
    text = ("SEOUL (AP) - South Korean officials met in Seoul on Monday. North Korea launched "
            "a long-range rocket from its west coast in North Korea on Sunday.")
    evs = [e for e in counted_events(nlp, text) if e.type == "MOBILIZE"]
    assert all("PRK" not in _countries(e.targets) for e in evs)


def test_protesters_abroad_are_of_the_place_not_of_the_story(nlp):
    text = ("LONDON (Reuters) - British ministers met in London on Monday to discuss trade. "
            "Officials in London said talks went well. About 2,000 protesters gathered in "
            "central Seoul, South Korea on Sunday.")
    ev = one_event(nlp, text, "PROTEST", "gathered")
    assert _countries(ev.sources) == {"KOR"}


def test_named_foreigners_protesting_abroad_keep_their_country(nlp):
    text = ("SEOUL (AP) - Officials in Seoul, South Korea said on Monday the talks went well. "
            "About 200 Americans protested in central London, Britain on Sunday.")
    evs = [e for e in counted_events(nlp, text) if e.type == "PROTEST"]
    assert evs and _countries(evs[0].sources) == {"USA"}


# ------------------------------------------------------- a person's country by apposition
def test_an_apposition_naming_a_town_gives_the_person_its_country(nlp):
    text = ("LONDON (Reuters) - British ministers met in London on Monday. John Smith, the "
            "mayor of Lyon, France, spoke on Tuesday. Smith criticized the government of Iran.")
    ev = one_event(nlp, text, "ACCUSE", "Smith criticized")
    assert _countries(ev.sources) == {"FRA"}


def test_an_apposition_naming_an_international_body_codes_the_person_igo(nlp):
    text = ("The authorities must end this crackdown, said Maria Costa, a researcher at "
            "Amnesty International. Costa criticized the government of Iran on Monday.")
    ev = one_event(nlp, text, "ACCUSE", "Costa criticized")
    assert _countries(ev.sources) == {"IGO"}


def test_a_posting_abroad_is_not_the_envoy_s_country(nlp):
    text = ("WASHINGTON (AP) - Senators in Washington met on Monday. Anna Berg, the former "
            "special envoy to Georgia, spoke in Washington. Berg criticized Russia on Tuesday.")
    ev = one_event(nlp, text, "ACCUSE", "Berg criticized")
    assert "GEO" not in _countries(ev.sources)


# ------------------------------------------------------------- conjoined verbs share
def test_a_verb_conjoined_to_an_act_against_a_state_shares_the_state(nlp):
    text = ("The government said Canada would end a state of emergency against Cuba and "
            "also ease travel restrictions.")
    ev = one_event(nlp, text, "CONCEDE", "ease")
    assert _countries(ev.targets) == {"CUB"}


def test_a_conjoined_verb_with_a_recipient_of_its_own_keeps_it(nlp):
    text = ("The United States lifted a ban against Cuba on Monday and criticized Venezuela "
            "for its elections.")
    evs = [e for e in counted_events(nlp, text) if e.trigger == "criticized"]
    assert evs and _countries(evs[0].targets) == {"VEN"}


# ------------------------------------------------------------ no state deports its own
def test_deportees_home_state_is_not_the_one_deporting_them(nlp):
    text = ("MANILA (AP) - Officials in Manila, Philippines said on Wednesday that 40 Filipino "
            "workers were deported last week.")
    ev = one_event(nlp, text, "COERCE", "deported")
    assert "PHL" not in _countries(ev.sources)


def test_a_passive_arrest_at_home_stays_the_home_state_s(nlp):
    text = ("MANILA (AP) - Officials in Manila, Philippines said on Wednesday that 40 Filipino "
            "workers were arrested last week.")
    ev = one_event(nlp, text, "COERCE", "arrested")
    assert _countries(ev.sources) == {"PHL"}


def test_a_second_passive_subject_is_a_misparse_not_a_recipient(nlp):
    # the parser hangs "secretary of defense" (inside a "while" clause) on the main verb too
    text = ("A Hungarian hacker who showed that Tom Walsh used a private server while he was "
            "American secretary of defense was sentenced to two years on Friday.")
    ev = one_event(nlp, text, "SANCTION", "sentenced")
    assert _countries(ev.targets) == {"HUN"}


def test_the_place_a_patient_is_shot_down_over_is_where_it_happened(nlp):
    text = "Captain Tom Baker was held in a camp after he was shot down over Belgrade in 1999."
    ev = one_event(nlp, text, "ASSAULT", "shot down")
    assert ev.location is not None and ev.location.name == "Belgrade"
