"""Words that introduce reported speech: the cue lexicon the quote rules share."""

from __future__ import annotations

# Verbs of saying, by lemma.  They take a that-clause (ccomp) or stand beside a quotation.
SPEECH_VERBS = frozenset(
    """
    say tell add note claim warn urge accuse announce insist deny argue explain state declare
    write report suggest acknowledge admit assert contend maintain predict promise pledge vow
    reply respond recall complain confirm caution concede stress emphasize emphasise observe
    remark reiterate tweet indicate allege charge ask demand testify hint mention reveal
    repeat joke quip lament boast conclude propose recommend question wonder speculate
    retort shout chant proclaim inform assure remind agree disclose estimate find show learn
    tout brag scoff acknowledge threaten pledge predict insist yell scream whisper cry
    rule determine judge point
    continue describe call write post read
    """.split()
)
# Verbs of thinking also report attitudes when they take a that-clause with a named subject.
THINK_VERBS = frozenset("believe think feel know fear hope expect worry".split())
# Verbs whose reported content is an object plus an infinitive ("urged them to stop").
DIRECTIVE_VERBS = frozenset("urge ask call warn tell order encourage implore".split())
# Nouns that head reported speech ("in a statement", "the claim that").
SPEECH_NOUNS = frozenset(
    "statement claim claims remarks remark comment comments interview tweet post "
    "announcement warning argument assertion allegation speech letter release report".split()
)
# Nouns of stated intent or demand whose to-clause or that-clause is the content ("the
# senator's pledge to repeal", "a decision to withdraw").
INTENT_NOUNS = frozenset(
    "plan promise pledge vow threat decision call demand request proposal warning charge "
    "agreement commitment refusal offer bid effort push vote".split()
)
# Cue verbs that only count right next to a quotation (too vague as that-clause heads).
QUOTE_ONLY_VERBS = frozenset(
    "continue describe call write post read press interject counter chime answer muse "
    "remember recount riff bark fume exhort".split())
# Verbs of communicative acts whose object is what was said ("criticized the plan",
# "called for a recount", "described him as a liar").
OBJECT_VERBS = frozenset(
    """
    call cite criticize criticise attack condemn praise blast slam reject dismiss defend deny
    propose demand question support oppose endorse blame accuse welcome announce unveil
    highlight mention discuss describe characterize label dub promise pledge vow offer request
    recommend acknowledge admit confirm predict estimate reveal report claim challenge decline
    refuse tout hail applaud lament decry denounce threaten dispute contest suggest echo
    express voice urge ask tweet praise thank chide scold mock ridicule rebuke lambast
    want plan hope seek intend aim encourage back outline brand term liken portray paint
    deride laud proclaim quote reference
    say declare state assert affirm maintain insist reiterate repeat stress emphasize emphasise
    note indicate disclose explain warn charge respond concede agree disagree
    know believe expect fear doubt suspect assume understand recognize realize
    point speak talk comment testify argue complain
    show refer write recall issue prefer list order remember rail advocate deem plead
    underscore press
    """.split()
)
# Prepositions that introduce the content of such a verb ("called for", "pointed to").
OBJECT_PREPS = frozenset("for to on against of about as over".split())
# Verbs of conversation: "to"/"with" after them names who was spoken to.
TALK_VERBS = frozenset("speak talk say testify complain".split())
ADDRESSEE_PREPS = frozenset("to with".split())
# Verbs that report how someone sees a thing when an "as" phrase (or a predicate) follows:
# "sees the vote as a test", "regarded him as a rival", "referred to it as a hoax".
AS_VERBS = frozenset("see view regard consider perceive refer treat characterize".split())
# Raising verbs: "X seems to Y" reports an impression of X (the writer's, unattributed).
RAISING_VERBS = frozenset("seem appear".split())
# Adjectives of attitude after a copula: "is worried about X", "was confident that Y".
ATTITUDE_ADJS = frozenset(
    """
    worried concerned proud interested eager confident skeptical sceptical critical
    optimistic pessimistic sure certain convinced aware conscious hopeful afraid fearful
    angry upset furious happy pleased glad satisfied disappointed surprised unhappy
    frustrated uncertain unsure opposed supportive wary doubtful adamant determined anxious
    keen reluctant unwilling willing ready open resistant enthusiastic nervous alarmed
    outraged dismayed troubled grateful thankful unconvinced assured
    """.split()
)
# Nouns naming a report whose "in" phrase attributes the clause it modifies: "In a
# statement, the ministry denied ...", "In this poll, Trump leads ...".
SOURCE_NOUNS = frozenset(
    """
    statement interview poll survey letter report speech tweet post op-ed memo email
    filing study editorial column book ad advertisement video remarks testimony release
    analysis document documents memoir essay article piece blog broadcast podcast
    """.split()
)
# Speech and attitude nouns whose "of/about/on/for/against" object is the content when
# the noun has a holder: "his criticism of the plan", "her comments about the deal".
STANCE_NOUNS = frozenset(
    """
    criticism mention comment comments remarks view views opinion opinions concern
    concerns opposition praise accusation accusations denial endorsement description
    prediction commitment hopes fears doubts complaint complaints critique defense defence
    attack attacks questions warning warnings claim claims call calls demand demands
    """.split()
)
# Negated or withheld speech ("did not confirm or deny", "declined to comment"): kept as
# a flagged kind, since the cue reports no content of the speaker's own.
WITHHOLD_VERBS = frozenset("decline refuse".split())
# Adverbs that attribute their clause to an unnamed source ("he reportedly asked ...").
HEARSAY_ADVS = frozenset("reportedly allegedly purportedly supposedly reputedly".split())
# Verbs that make someone act: "led Lane to fear", "leaving some to question": the object
# does what the infinitive says, and takes its stance.  (A rule that requires or allows,
# "no law requiring candidates to disclose", states a position of its own.)
CAUSE_VERBS = frozenset("lead prompt cause drive spur force inspire push compel leave".split())
# Verbs of intention whose to-infinitive is the content ("decided to run", "voted to
# repeal", "is pushing to delay"); without one they report an act, not a stance.
INTENT_VERBS = frozenset("decide vote push choose move threaten aim".split())
# Nouns of a stance someone holds: "X is a critic of Y", "X, a supporter of Y".
HOLDER_NOUNS = frozenset(
    """
    supporter supporters critic critics opponent opponents advocate advocates defender
    defenders champion proponent proponents backer backers skeptic skeptics foe foes
    admirer admirers fan fans
    """.split()
)
# Nouns whose "is that ..." / "is to ..." complement is the content: "the ministry's view is
# that ...", "his message was that ...", "the goal is to ...".
COPULA_NOUNS = frozenset(
    """
    view position argument message point concern hope fear belief goal aim plan claim
    assessment conclusion answer response reply suggestion verdict impression feeling
    contention stance thinking assumption expectation promise pledge demand
    """.split()
)
# Prepositions that name what a stance is about when someone holds it: "worried about the
# deficit", "campaigned hard against the levy", "his rant about judges".
STANCE_PREPS = frozenset("about against".split())
# "against" names a stance only after verbs of advocacy; "ran against", "faces off
# against" are contests.
AGAINST_VERBS = frozenset("campaign rail push lobby protest vote inveigh lash agitate".split())
# Plural and role nouns that can hold a stance without a name ("voters are uneasy about").
HOLDER_HEADS = frozenset(
    """
    voter voters resident residents people critic critics official officials republicans
    democrats conservatives liberals progressives members leaders lawmakers legislators
    supporters opponents activists experts economists analysts advocates groups group
    parents students workers delegates donors candidates candidate senator senators
    campaign party administration government council committee ministry
    """.split()
)
# Verbs that make a headline an attribution ("Clinton Slams Trump On Abortion", "Ryan
# backs him"), besides the speech and object verbs: the wire's verbs of attack and support.
HEADLINE_VERBS = frozenset(
    """
    slam blast rip hit knock bash trash target endorse back pressure rebuke champion push
    vote nominate embrace talk tweet debunk praise chide laud reassure attack fire elect
    """.split()
)
# Cue verbs too vague to carry a headline on their own.
HEADLINE_VAGUE = frozenset(
    "show find learn point continue describe write post issue list order refer know "
    "understand recognize realize remember".split()
)
