"""Type decisions that hang on a noun or an object's shape: an event noun that modifies a
noun which only frames an act ("launched a mediation effort", "a bombing campaign"), and a
verb whose object condition is met by any of its coordinated objects ("provided maps and
intelligence").  Sentences written for these tests, each beside a near sentence that must
come out the other way."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types


@pytest.mark.parametrize(("text", "etype", "not_type"), [
    ("Oman launched a mediation effort between Iran and Bahrain on Sunday.", "CONSULT", None),
    ("The Kenyan envoy undertook a mediation mission between the two factions.", "CONSULT",
     "AGREE"),
    ("The air force launched a bombing campaign against the insurgents on Friday.",
     "ASSAULT", "ACCUSE"),
    ("Police launched an arrest campaign against student leaders in March.", "COERCE",
     "ACCUSE"),
])
def test_act_named_by_frame_noun(nlp, text, etype, not_type):
    types = _types(nlp, text)
    assert etype in types
    assert not_type not in types


@pytest.mark.parametrize(("text", "etype"), [
    # the frame noun is talked about, not launched: no act
    ("The bombing campaign is expected to last for months.", "ASSAULT"),
    ("Oman praised the mediation effort on Sunday.", "CONSULT"),
])
def test_frame_noun_without_act(nlp, text, etype):
    assert etype not in _types(nlp, text)


def test_campaign_without_act_noun_keeps_verb_frame(nlp):
    """With no event noun in the frame the verb's own reading stands."""
    assert "ASSAULT" not in _types(nlp, "The opposition launched a campaign against the law.")


@pytest.mark.parametrize(("text", "etype"), [
    ("Britain is providing radar data and intelligence to Estonia, officials said.", "AID"),
    ("Spain sent tents, blankets and medicine to the refugees on Monday.", "AID"),
])
def test_condition_met_by_coordinated_object(nlp, text, etype):
    assert etype in _types(nlp, text)


def test_uncoded_object_alone_names_no_aid(nlp):
    assert "AID" not in _types(nlp, "Britain is providing radar data to Estonia, officials said.")


@pytest.mark.parametrize(("text", "etype"), [
    ("Canada announced on Monday it would expel three Iranian diplomats.", "SANCTION"),
    ("The council decided to impose a curfew on the port city.", "COERCE"),
    ("Ottawa confirmed it will suspend all aid to the junta.", "SANCTION"),
])
def test_announced_measure_is_its_own_type(nlp, text, etype):
    """CODING.md 3: a decided and announced measure is coded as that measure."""
    types = _types(nlp, text)
    assert etype in types
    assert "THREATEN" not in types


@pytest.mark.parametrize("text", [
    "Canada said on Monday it would expel three Iranian diplomats if the raids continued.",
    "Canada announced it would strike the militia's camps.",
    "Canada warned it would expel three Iranian diplomats.",
])
def test_threatened_measure_stays_threat(nlp, text):
    assert "THREATEN" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Ghana and Togo reached a consensus on fishing rights on Thursday.",
    "The two parties reached a compromise on the electoral law on Friday.",
    "The miners reached a settlement with the state company on Monday.",
    "Negotiators clinched a deal on the prisoner exchange on Monday.",
    "The factions hammered out an agreement on power sharing in Addis Ababa.",
    "Chile and Peru concluded a fisheries accord on Monday.",
])
def test_agreement_nouns_and_deal_closing_verbs(nlp, text):
    assert "AGREE" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Settlers built a new settlement near the village last year.",
    "The pact has held since 1994.",
    "The lawyers forged ahead with the appeal.",
])
def test_agreement_words_in_other_senses(nlp, text):
    assert "AGREE" not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The Dutch minister said her country would help Ghana rebuild its ports.", "AGREE"),
    ("The nation helped Haiti rebuild its schools after the storm.", "AID"),
])
def test_state_named_by_common_noun_acts(nlp, text, etype):
    """ "his country", "the nation": a state, able to help, unlike a trend or a thing."""
    assert etype in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The country's export boom helped Ghana recover.",
    "Rising food prices threaten the nation's stability.",
])
def test_things_of_a_country_do_not_act(nlp, text):
    types = _types(nlp, text)
    assert "AID" not in types and "THREATEN" not in types


@pytest.mark.parametrize(("text", "etype"), [
    ("Ghana deployed 400 peacekeepers to Lebanon on Monday.", "AID"),
    ("Ghana sent 400 peacekeeping troops to Lebanon on Monday.", "AID"),
    ("The first Irish peacekeepers arrived in Lebanon on Tuesday.", "AID"),
    # the near cases: troops sent with no peacekeeping are a show of force
    ("Ghana deployed 400 troops to its northern border on Monday.", "MOBILIZE"),
    ("Ghana sent 400 troops to its northern border on Monday.", "MOBILIZE"),
])
def test_peacekeepers_sent_are_aid(nlp, text, etype):
    """CAMEO 074: providing peacekeeping is AID, not MOBILIZE."""
    assert _types(nlp, text) == [etype]


@pytest.mark.parametrize("text", [
    "Egypt denied visas to four Danish reporters on Monday.",
    "The judge denied bail to the union leader on Monday.",
    "The city council denied a building permit for the new mosque.",
])
def test_denying_what_is_granted_is_a_refusal(nlp, text):
    assert "REJECT" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Egypt denied that it had issued visas to the reporters.",
    "The minister denied the allegations on Monday.",
])
def test_denying_a_claim_refuses_nothing(nlp, text):
    assert "REJECT" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The group threatened violence against the foreign workers.",
    "The council threatened to expel the two envoys.",
])
def test_organised_body_as_subject_acts(nlp, text):
    assert "THREATEN" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "A group of factors threatens the recovery.",
    "The state of the roads threatens the harvest.",
])
def test_collective_noun_of_things_does_not_act(nlp, text):
    assert "THREATEN" not in _types(nlp, text)


def _threat_modes(nlp, text):
    from tests.event_helpers import asserted, code
    return [e.mode for e in asserted(code(nlp, text)._.events) if e.type == "THREATEN"]


@pytest.mark.parametrize(("text", "mode"), [
    ("The militia threatened on Monday to resume terrorist attacks in the capital.", "violence"),
    ("The rebels threatened to deliver crushing blows to the army.", "violence"),
    ("The rebels threatened war on Monday.", "violence"),
    # the near case: a threat to cut aid is a threat to relations
    ("Washington threatened to cut aid to the junta.", "relations"),
])
def test_threat_mode_from_what_is_threatened(nlp, text, mode):
    assert _threat_modes(nlp, text) == [mode]


@pytest.mark.parametrize("text", [
    "The state senate approved a constitutional amendment on voting on Tuesday.",
    "Parliament approved the new budget on Friday.",
])
def test_approving_legislation_endorses_no_one(nlp, text):
    assert "SUPPORT" not in _types(nlp, text)


def test_approving_a_plan_supports_it(nlp):
    assert "SUPPORT" in _types(nlp, "The council approved the mayor's plan on Friday.")


@pytest.mark.parametrize(("text", "etype"), [
    ("The frigate foiled a hijack attempt off Somalia on Tuesday.", "ASSAULT"),
    ("The governor survived an assassination attempt in the capital on Tuesday.", "ASSAULT"),
    ("The coastguard foiled two hijack attempts near the strait last week.", "ASSAULT"),
])
def test_thwarted_attempt_is_the_act(nlp, text, etype):
    """An attempt that was foiled or survived was made: PLOVER codes attempted force."""
    assert etype in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The governor discussed the assassination attempt with reporters on Tuesday.",
    "Navies have thwarted attacks in the Gulf of Aden for years.",
])
def test_attempt_only_talked_about(nlp, text):
    assert "ASSAULT" not in _types(nlp, text)


def test_sworn_to_fight_is_a_threat(nlp):
    """The parser hangs "to fight" on "sworn" as a clause of purpose; it is what was sworn."""
    types = _types(nlp, "The rebels have sworn to fight until they control the valley, "
                        "officials said on Monday.")
    assert "THREATEN" in types and "ASSAULT" not in types


def test_fighting_for_a_purpose_stays_assault(nlp):
    types = _types(nlp, "The army deployed troops to fight the rebels on Monday.")
    assert "THREATEN" not in types


@pytest.mark.parametrize(("text", "etype"), [
    ("Police said 18 people had been injured in the clashes and 12 arrested for carrying "
     "knives.", "COERCE"),
    ("Officials said four soldiers were wounded and six captured by the rebels.", "COERCE"),
])
def test_gapped_passive_is_an_act(nlp, text, etype):
    """ "... were injured and 12 arrested": the second participle shares the auxiliary."""
    assert etype in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The lawyers represent the injured and the 12 arrested.",
    "Volunteers fed 40 families and 12 detained migrants at the shelter.",
])
def test_participle_describing_people_is_no_act(nlp, text):
    assert "COERCE" not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype", "near", "near_type"), [
    # a state that blocks a crossing bars entry; a crowd that blocks a road protests
    ("The Turkish government blocked the main border crossing with Syria on Monday.",
     "REJECT", "Farmers blocked the main highway into the capital on Monday.", "PROTEST"),
    ("Hungary blocked the railway crossing from Serbia on Monday.",
     "REJECT", "Police blocked the road to the airport on Monday.", "COERCE"),
    ("Jordan blocked the desert crossing point on Monday.",
     "REJECT", "Young Jordanians blocked roads into the city centre on Monday.", "PROTEST"),
    # opposing a proposal turns it down; opposing an act of harm censures it
    ("The minister said Norway was firmly opposed to the peace plan.",
     "REJECT", "China said it was resolutely opposed to the nuclear test.", "ACCUSE"),
    ("Officials said Cairo was opposed to Turkish mediation in the dispute.",
     "REJECT", "Officials said Cairo was opposed to the shelling of the town.", "ACCUSE"),
])
def test_type_by_who_blocks_and_what_is_opposed(nlp, text, etype, near, near_type):
    assert etype in _types(nlp, text)
    near_types = _types(nlp, near)
    assert near_type in near_types and etype not in near_types


def test_closing_a_border_bars_entry_closing_a_road_does_not(nlp):
    assert "REJECT" in _types(nlp, "Hungary sealed its border with Serbia on Tuesday.")
    assert "REJECT" not in _types(nlp, "Police closed the road to the airport on Monday.")


@pytest.mark.parametrize(("text", "etype", "near", "near_type"), [
    ("North Korea test-fired two ballistic missiles on Friday.", "MOBILIZE",
     "Hamas fired two rockets at Israel on Friday.", "ASSAULT"),
    ("Iran test-launched a new rocket on Friday, state media said.", "MOBILIZE",
     "Militants launched a missile at the base on Friday.", "ASSAULT"),
])
def test_weapons_test_is_no_attack(nlp, text, etype, near, near_type):
    """ "test-fired" comes tokenized as "test - fired": a weapons test (MOBILIZE)."""
    types = _types(nlp, text)
    assert etype in types and near_type not in types
    assert near_type in _types(nlp, near)


@pytest.mark.parametrize(("text", "etype", "near", "near_type"), [
    # held with another side, an exercise is military cooperation; alone, a show of force
    ("The United States and South Korea began joint military drills on Monday.", "COOPERATE",
     "Iran began military drills near the Strait of Hormuz on Monday.", "MOBILIZE"),
    ("The Indian navy held exercises with the US navy on Monday.", "COOPERATE",
     "The Chinese navy held exercises near Taiwan on Monday.", "MOBILIZE"),
    ("French and Egyptian warships launched war games in the Mediterranean on Monday.",
     "COOPERATE", "Egyptian warships launched war games in the Mediterranean on Monday.",
     "MOBILIZE"),
])
def test_joint_exercise_is_cooperation(nlp, text, etype, near, near_type):
    types, near_types = _types(nlp, text), _types(nlp, near)
    assert etype in types and near_type not in types
    assert near_type in near_types and etype not in near_types


@pytest.mark.parametrize(("text", "near"), [
    ("Tehran said it would take action if Washington imposed new sanctions.",
     "The board will take action if the results are poor."),
    ("Seoul said it will take strong measures against the North.",
     "The ministry will take steps to improve schools."),
    ("Kerry said the United States would take robust steps in response.",
     "Neighbouring countries took measures in response to the outbreak."),
])
def test_measures_to_come_against_someone_warn(nlp, text, near):
    """Measures announced against another's act are a threat; measures done, or with no one
    to answer, are not."""
    assert "THREATEN" in _types(nlp, text)
    assert "THREATEN" not in _types(nlp, near)


@pytest.mark.parametrize(("text", "etype"), [
    ("The party became embroiled in controversy this month over a doctored video.", "REJECT"),
])
def test_caught_up_in_a_controversy_is_no_refusal(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize(("text", "near"), [
    ("The general resigned on Monday to allow elections to take place.",
     "The court decided on Monday to allow the candidate to run in the elections."),
    ("The army reopened the road on Monday to allow food deliveries to the town.",
     "The army allowed food deliveries to the town on Monday."),
])
def test_allowing_as_purpose_is_no_concession(nlp, text, near):
    """ "did X to allow Y" says why X was done; "decided to allow", "allowed" concede."""
    assert "CONCEDE" not in _types(nlp, text)
    assert "CONCEDE" in _types(nlp, near)


@pytest.mark.parametrize(("text", "near"), [
    ("Beijing protested to Washington over the arms sale on Monday.",
     "Thousands of students protested in the capital on Monday."),
    ("The ministry protested that the flights violated its airspace.",
     "Students protested against the new fees outside parliament on Monday."),
])
def test_protest_in_words_is_accuse(nlp, text, near):
    """A state's protest, or one that says something or is addressed to someone, is verbal
    disapproval (ACCUSE); a crowd protesting somewhere demonstrates (PROTEST)."""
    types, near_types = _types(nlp, text), _types(nlp, near)
    assert "ACCUSE" in types and "PROTEST" not in types
    assert "PROTEST" in near_types and "ACCUSE" not in near_types


def test_subject_class_named_by_a_compound(nlp):
    """ "peacekeeping troops arrived": the modifier classes the subject (peacekeepers are
    AID); troops alone arriving are no aid."""
    assert "AID" in _types(nlp, "A first batch of Bangladeshi peacekeeping troops arrived "
                                "in Sierra Leone on Tuesday.")
    assert "AID" not in _types(nlp, "Russian troops arrived in the border town on Tuesday.")


@pytest.mark.parametrize(("text", "etype"), [
    ("The two sides began three days of talks in Vienna on Monday.", "CONSULT"),
    ("Egyptian and Greek warships launched ten days of war games on Monday.", "COOPERATE"),
])
def test_act_measured_out_after_light_verb(nlp, text, etype):
    """ "began three days of talks": the noun after "of" is the act the light verb starts."""
    assert etype in _types(nlp, text)


def test_act_measured_out_without_light_verb(nlp):
    assert "CONSULT" not in _types(nlp, "The report describes three days of talks in Vienna.")


@pytest.mark.parametrize(("text", "etype", "near", "near_type"), [
    # a meeting one travels "for" took place on arrival
    ("The foreign minister arrived in Moscow on Monday for talks with Lavrov.", "CONSULT",
     "The minister called for talks with the rebels on Sunday.", "REQUEST"),
    # the future sits on the light verb: a meeting to come is AGREE, force to come THREATEN
    ("The minister will travel to Paris next week for talks with Macron.", "AGREE",
     "The minister travelled to Paris on Monday for talks with Macron.", "CONSULT"),
    ("The army will launch an offensive on the city next week.", "THREATEN",
     "The army launched an offensive on the city on Monday.", "ASSAULT"),
])
def test_noun_act_told_through_its_verb(nlp, text, etype, near, near_type):
    types, near_types = _types(nlp, text), _types(nlp, near)
    assert etype in types and near_type not in types
    assert near_type in near_types and etype not in near_types


@pytest.mark.parametrize(("text", "etype", "near", "near_type"), [
    ("Hundreds of protesters violated the curfew in the capital on Monday.", "REJECT",
     "The rebels violated the ceasefire on Monday, shelling the town.", "ASSAULT"),
])
def test_defying_a_ban_is_a_refusal(nlp, text, etype, near, near_type):
    types, near_types = _types(nlp, text), _types(nlp, near)
    assert etype in types
    assert near_type in near_types and etype not in near_types


def test_violation_in_a_charge_is_its_content(nlp):
    assert "REJECT" not in _types(nlp, "He was charged with violating the ban on weapons.")
