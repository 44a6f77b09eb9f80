"""Word lists and patterns the places component reads: relations, regions, state abbreviations."""

from __future__ import annotations

import re

# Lower-case words allowed inside a capitalised place name ("Isle of Man", "Dar es Salaam").
FUNCTION_WORDS = {"of", "the", "and", "de", "del", "la", "le", "al", "el", "es", "da", "do",
                  "du", "des", "upon", "on", "sur", "am", "an", "bin", "ibn"}

# Words that make a name an administrative area ("Laurel County", "Nyanza Province").
REGION_WORDS = re.compile(
    r"\b(county|parish|province|state|governorate|region|district|oblast|prefecture)\b", re.I
)

# An organisation named for the continent it serves ("Bank of America", "the Council of
# Europe", "Boy Scouts of America"): what closes its name is its reach, not a place.  A
# country there stays ("Bank of Canada"), as news corpora mark it.
ORGANISATION_OF_BEFORE = re.compile(
    r"\b(?:Bank|Corp\.|Corporation|Company|Council|Voice|Farmers|Scouts|Association|"
    r"Federation|Society|League|Union|Institute|Foundation|Church|Alliance|Coalition|"
    r"Organi[sz]ation|Parliament|Court)\s+of\s+(?:the\s+)?$")

# "St. Mary's High School", "St. John's Lutheran Church", "St. Michael's pupils": a
# saint's name in the possessive names a parish, school or hospital, not the namesake
# town ("Saint Paul", "St. Marys"); a square or street so named stays ("St. Peter's
# Square"), and so does a city's own possessive ("St. Louis's mayor": no saint's name).
SAINT_INSTITUTION = re.compile(
    r"(?:St\.?|Saint|Ste\.?) (?:Agnes|Andrew|Ann|Anne|Anthony|Augustine|Benedict|Bernard|"
    r"Catherine|Charles|Clare|Elizabeth|Francis|Gabriel|George|Ignatius|James|Joan|John|"
    r"Joseph|Jude|Luke|Margaret|Mark|Martin|Mary|Matthew|Michael|Pat|Patrick|Paul|Peter|"
    r"Philip|Raphael|Rita|Rose|Stephen|Teresa|Therese|Thomas|Timothy|Vincent)")
SAINT_POSSESSIVE_AFTER = re.compile(
    r"['\u2019]s\b(?!\s+(?:Square|Place|Street|Road|Avenue|Park|Bay|Island|Hill)\b)")

# Diseases named after the place they were found, which news names bare ("related to
# Ebola", "died from Marburg"): a disease unless the text puts something there ("in
# Marburg") or says where the name lies ("Marburg, Germany"; "the Ebola River").
DISEASE_NAMES = frozenset({"Ebola", "Marburg", "Zika", "Lassa", "Nipah", "Hendra", "Norwalk",
                           "Coxsackie", "Hantaan"})
SITED_BEFORE = re.compile(r"\b(?:in|near|outside|at)\s+(?:the\s+)?$", re.I)
NAMED_PLACE_AFTER = re.compile(r",\s+[A-Z]|\s+(?:River|Valley|Forest)\b")

# A place name naming a disease or its agent, not a place ("West Nile virus", "Marburg
# fever", "Reston ebolavirus").
DISEASE_AFTER = re.compile(
    r"\s+(?:\w*virus(?:es)?|fever|disease|encephalitis|flu|strain|hemorrhagic|haemorrhagic)\b",
    re.I)

# A place name opening a newspaper's masthead names the paper ("the Denver Post reported",
# "told the Lansing State Journal", "China Daily"); not "the Denver Post Office", "Times
# Square", "American Legion Post 12".
MASTHEAD_AFTER = re.compile(
    r"(?:\s+State)?\s+(?:Times|Post|Journal|Herald|Tribune|Gazette|Chronicle|Courier|"
    r"Dispatch|Inquirer|Examiner|Sentinel|Register|Globe|Star|Daily)\b"
    r"(?!['\u2019]?s?\s+(?:Office|Square|Road|Street|Avenue|Building|\d))")

# A kinship word just before a capitalised word makes it a given name ("her son Bryan", "his
# wife, Amelia", "twin sisters Lindsay and ...", "her eldest, Harrison"); not "her son in
# Bryan", "the sister city of Lindsay".
KIN_NAMED = re.compile(
    r"\b(?:sons?|daughters?|sisters?|brothers?|husband|wife|mother|father|grand(?:son|daughter|"
    r"mother|father)|step(?:son|daughter)|nieces?|nephews?|cousin|aunt|uncle|widow(?:er)?|"
    r"fianc[e\u00e9]e?|girlfriend|boyfriend|eldest|youngest|twins?),?\s+([A-Z][a-z]+)\b")

# A model year before a name makes it a vehicle's make ("a 1992 Toyota", "a 2005 black
# Ford", "an eastbound 1996 Chevrolet"; not "the 2009 Walker County Fair", "in 2004 in Taji");
# "Day" after it, a holiday ("Columbus Day", "St. Patrick's Day", "Lincoln Day Dinner").
MODEL_YEAR_BEFORE = re.compile(
    r"\b(?:a|an|the|his|her|their|its)\s+(?:[a-z]+bound\s+)?(?:19|20)\d\d\s+"
    r"(?:(?:black|white|silver|gr[ae]y|red|blue|green|gold|maroon|tan|brown)\s+)?$", re.I)
HOLIDAY_AFTER = re.compile(r"(?:['\u2019]s)?\s+Day\b")
# A country's name before one local person or local institution is a namesake town or
# state ("a Lebanon woman", "the Jordan resident", "Jordan Elementary", "a Georgia man"):
# of a country, news writes the demonym ("a Lebanese woman").  Plural residents stay the
# country's ("Singapore residents"), as does its government or people at large.
LOCAL_OF_AFTER = re.compile(
    r"\s+(?:resident|native|man|woman|boy|girl|teen(?:ager)?|couple|elementary|"
    r"(?:middle|high|junior high) school|city council|city hall|town council|township|"
    r"mayor|aldermen|selectmen)\b", re.I)
# One-word names that are words for a kind of place or of government ("the City of
# Huntsville", "Metro police", "Federal Aviation", "Downtown Business zoning"): namesake
# hamlets exist, but the word alone is hardly ever one of them.
KIND_WORDS = {"city", "town", "county", "state", "metro", "federal", "supreme", "valley",
              "downtown", "uptown", "national"}

# Compass words that name a place only as part of a longer name ("West Bank").
DIRECTION_WORDS = {"north", "south", "east", "west", "central", "northern", "southern",
                   "eastern", "western", "northeast", "northwest", "southeast", "southwest",
                   "midwest", "middle", "upper", "lower", "greater"}
# The compass words among them: before a name they give a part of it ("Northeast Georgia",
# "eastern China"), which news corpora annotate as the name alone with the part as relation.
COMPASS_WORDS = DIRECTION_WORDS - {"midwest", "middle", "upper", "lower", "greater"}

# Words that, after a place name, make the whole an institution of that place ("Corsicana
# Police Department", "the Canaan Board of Finance"): the place is kept, the rest is not.
INSTITUTION_WORDS = {
    "police", "sheriff", "sheriff's", "sheriff\u2019s", "department", "dept", "council",
    "board", "school", "schools", "elementary", "hospital", "medical", "fire", "court",
    "courthouse", "jail", "library", "historical", "society", "chamber", "democratic",
    "republican", "party", "committee", "commission", "commissioners", "senior", "community",
    "municipal", "city", "town", "village", "public", "planning", "zoning", "parks",
    "recreation", "housing", "authority", "transit", "utilities", "water", "emergency",
    "health", "office", "officials", "superior", "civic",
}
# The institution words that name a town's own service, so that a town's name stands before
# them even where the small model tags nothing ("Carthage Police Chief", "Avondale Mayor"),
# and the lower-case words for one of its people ("a Crafton man", "the Saratoga native"),
# before which the small model often tags the town an organisation.
TOWNSPEOPLE = frozenset({"resident", "native", "man", "woman", "men", "women", "teen",
                         "teenager", "couple", "boy", "girl"})
TOWN_SERVICE = re.compile(r"(?<=[A-Za-z.] )(?:police|sheriff|fire|mayor|council|firefighters|"
                          r"detectives|residents|selectmen|aldermen|(?-i:"
                          + "|".join(sorted(TOWNSPEOPLE)) + r"))\b", re.I)

# A street or numbered road: "Mayfield Road", "E. Broad St.", "Highway 19", "County Road 43".
# A street is resolved to the town the article is about.  "St." and "Dr." only end a name
# when no capitalised word follows ("St. Louis", "Dr. Smith").
_STREET_WORD = r"[A-Z][\w'\u2019\-]*"
# US states' postal codes, which number state roads ("KY 52").
_STATE_ROAD = (r"(?:A[KLRZ]|C[AOT]|DE|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|"
               r"PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])")
STREET = re.compile(
    r"(?<![\w.])(?P<road>(?:State |U\.S\. )?(?:Highway|Interstate|Route|County Road|"
    rf"State Road|Farm Road|FM|I-|US-|{_STATE_ROAD} (?=\d)) ?\d+)\b"
    rf"|(?<![\w.])(?P<name>(?:(?:[NSEW]\.|North|South|East|West|Old) )?{_STREET_WORD}"
    rf"(?: {_STREET_WORD}){{0,2}} "
    r"(?:Street|Road|Avenue|Drive|Boulevard|Lane|Parkway|Pike|Freeway|Expressway|Circle|"
    r"Trail|Terrace|Highway|(?:St|Rd|Ave|Dr|Blvd|Ln|Pkwy)\.(?! [A-Z])))"
    # "Florida Highway Patrol", "Lebanon Street Superintendent": the town's office
    r"(?! (?:Patrol|Safety|Department|Superintendent|Commission|Administration|Division)\b)"
)
# Capitalised words that open a sentence rather than a street name ("On Main Street").
NOT_STREET_START = {"on", "in", "at", "the", "to", "from", "and", "of", "near", "along", "off",
                    "down", "up", "via", "across", "a", "an", "by", "for", "with", "into"}

# Words before a lone name that make it a person's ("President Obama", "Sen. Jones"), and
# verbs after it that a person, not a town, is the subject of ("Robertson said").
PERSON_TITLES = {"mr", "mrs", "ms", "miss", "dr", "president", "gov", "governor", "sen",
                 "senator", "rep", "gen", "sgt", "officer", "coach", "judge", "mayor",
                 "sheriff", "chief", "lt", "capt", "col", "brig", "minister", "secretary",
                 "pastor", "rev", "father", "sister", "brother", "sir", "lord", "king", "queen",
                 "prince", "princess", "detective", "deputy", "trooper", "commissioner"}
PERSON_VERBS = {"say", "tell", "add", "note", "explain", "admit", "claim", "recall", "write",
                "propose", "ask", "argue", "insist"}

# A generic word around a name the gazetteer may know without it ("Catawba River",
# "Nyanza Province", "Lake Erie").
GENERIC_PART = re.compile(
    r"^(?:(?:Lake|Mount|Mt\.)\s+)?(?P<name>.+?)(?:\s+(?:County|Parish|Township|"
    r"City|River|Creek|Valley|Province|Prefecture|Region|District|Islands?|Mountains|"
    r"Heights|Bay|Park|Lake|Sea|Delta|Peninsula))?$",
    re.I,
)

# Land-form words that some first-level regions are named by alone (Nigeria's Delta and
# Plateau, Zimbabwe's Midlands): inside a longer name ("Danube Delta", "Haiti's Central
# Plateau", "West Midlands") they name that land form, not the region abroad.
LAND_FORM_WORDS = {"delta", "plateau", "midlands", "highlands", "lowlands", "coast", "lakes",
                   "islands", "plains", "hills", "valley", "mountains", "savanes", "lagoons",
                   "littoral"}

# Water and land forms whose bare name is rarely the town of that name nearby ("Baltic Sea",
# "Danube Delta", "Kishwaukee River"; valleys and lakes are often named for their towns).
NATURAL_FEATURE = re.compile(
    r"\s(?:Sea|Ocean|Delta|River|Creek|Gulf|Mountains|Desert|Basin|Plateau|Peninsula|Strait)$"
)

# A water body's name: "Lake Erie", "Red River", "Walden Pond".  It is never the county or
# region of the same name ("Red River Parish", "Lake County"), whatever it resolves to.
WATER_BODY = re.compile(
    r"^(?:Lake|Loch)\s|\s(?:River|Creek|Lake|Bay|Sea|Ocean|Gulf|Strait|Reservoir|Pond|Canal)$"
)

_DIRECTIONS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
# Words just before a toponym that say how an event relates to it.
RELATION_BEFORE = re.compile(
    r"(?:^|\W)(?P<rel>"
    rf"{_DIRECTIONS}(?:ern)?\s+of|{_DIRECTIONS}(?:ern)?|central|"
    r"near|nearby|outside(?:\s+of)?|inside|around|across|along|throughout|beyond|"
    r"in|at|from|to|into|toward|towards|within|between"
    r")\s+(?:the\s+)?(?:(?:town|city|village|capital|province|region|district|state|"
    r"country|port|area)\s+of\s+)?$",
    re.I,
)

# "Iraq's autonomous Kurdish region", "Syria's northern Idlib province": the owner before
# the possessive, the region after it (matched from each possessive, not over the text).
POSSESSIVE = re.compile(r"['\u2019]s\s+")
OWNER_BEFORE = re.compile(r"\b(?P<owner>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+){0,2})$")
REGION_AFTER = re.compile(
    r"(?:(?:[a-z\-]+|[A-Z][a-z]+ern)\s+){0,3}?"
    r"(?P<region>(?P<name>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+){0,2})\s+"
    r"(?:region|province|state|governorate|district|territory|enclave|county|oblast|area))\b"
)

# A dateline: an upper-case place name opening the text or a line, then a dash, comma or
# colon ("CORSICANA —", "SALINA, Kan.", "BEIRUT:").
DATELINE = re.compile(
    r"(?:^|\n|[.!?][\"\u201d]? |(?:19|20)\d\d )[ \t]*"  # after a by-line's date too
    r"(?P<name>[A-Z][A-Z'\.]{3,}(?:[ \-][A-Z][A-Z'\.]+){0,3})"
    r"(?=[ \t]*(?:,|:|\u2014|\u2013|--|\(|-\s)|  (?=[A-Z][a-z]))"
)

# "Walton and Oconee counties", "Butler, Clark and Preble counties": the plural, then each
# name before it.
COUNTY_LIST = re.compile(r"(?<= )(?:counties|parishes)\b")
_COUNTY = r"[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)?"
COUNTY_NAMES = re.compile(rf"{_COUNTY}(?:(?:, |,? and |,? or ){_COUNTY})+ $")

# "Greer, S.C.", "Salina, Kan.", "Moorhead, MN": up to three capitalised words, a comma and
# a state abbreviation (checked against ``STATE_ABBREVIATIONS``).
STATE_AFTER_TOWN = re.compile(
    r"(?<![\w.])(?P<town>[A-Z][\w'\-]+(?: [A-Z][\w'\-]+){0,2}), "
    r"(?P<state>(?:[A-Z]\.){2}|[A-Z]\.[A-Z][a-z]\.|[A-Z][a-z]{1,4}\.|[A-Z]{2}(?![\w.]))"
)

# Up to three capitalised words and a comma just before a state or country: a town's name?
TOWN_BEFORE_COMMA = re.compile(r"(?<![\w.])(?P<town>[A-Z][\w'\-]+(?: [A-Z][\w'\-]+){0,2}), $")

# "S.C.", "W.Va.": a state's dotted initials, a state wherever they stand ("the S.C. Highway
# Patrol", "James Clyburn, D-S.C.").
# A US legislator's party and home ("Sen. Bob Casey, D-Pa.", "Rep. Ann Lee, R-Elbow Lake")
# and a company's seat ("a Northbrook-based retailer"): the place is named.
PARTY_HOME = re.compile(
    r"(?:(?<=, )|(?<=\())(?:R|D|I|DFL)-"
    r"(?P<place>[A-Z][a-z]+\.|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?![\w.]))")
BASED_IN = re.compile(r"(?<![\w\-])(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)-based\b")

STATE_INITIALS = re.compile(r"(?<![\w.])[A-Z]\.[A-Z][a-z]?\.(?![\w.])")

# US states as AP style and postal codes write them ("Alexandria, La.", "Springfield, IL").
STATE_ABBREVIATIONS = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida",
    "ga": "Georgia", "ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "kans": "Kansas",
    "ky": "Kentucky", "la": "Louisiana", "md": "Maryland", "mass": "Massachusetts",
    "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri",
    "mont": "Montana", "neb": "Nebraska", "nebr": "Nebraska", "nev": "Nevada",
    "n.h": "New Hampshire", "n.j": "New Jersey", "n.m": "New Mexico", "n.y": "New York",
    "n.c": "North Carolina", "n.d": "North Dakota", "okla": "Oklahoma", "ore": "Oregon",
    "pa": "Pennsylvania", "r.i": "Rhode Island", "s.c": "South Carolina",
    "s.d": "South Dakota", "tenn": "Tennessee", "tex": "Texas", "vt": "Vermont",
    "va": "Virginia", "wash": "Washington", "w.va": "West Virginia", "wis": "Wisconsin",
    "wyo": "Wyoming", "d.c": "District of Columbia",
    "al": "Alabama", "ak": "Alaska", "az": "Arizona", "ar": "Arkansas", "ca": "California",
    "co": "Colorado", "ct": "Connecticut", "de": "Delaware", "fl": "Florida", "hi": "Hawaii",
    "id": "Idaho", "il": "Illinois", "in": "Indiana", "ia": "Iowa", "ks": "Kansas",
    "me": "Maine", "mi": "Michigan", "mn": "Minnesota", "ms": "Mississippi", "mt": "Montana",
    "ne": "Nebraska", "nv": "Nevada", "nh": "New Hampshire", "nj": "New Jersey",
    "nm": "New Mexico", "ny": "New York", "nc": "North Carolina", "nd": "North Dakota",
    "oh": "Ohio", "ok": "Oklahoma", "or": "Oregon", "ri": "Rhode Island",
    "sc": "South Carolina", "sd": "South Dakota", "tn": "Tennessee", "tx": "Texas",
    "ut": "Utah", "wa": "Washington", "wv": "West Virginia", "wi": "Wisconsin",
    "wy": "Wyoming", "dc": "District of Columbia",
}

# Money written in a country's currency tells where a story is written or set, as a
# publisher's country would: "$4,000" in a local story makes its "Paris" more likely the
# American town, "£2m" the English one.  The bare dollar sign is shared by several countries.
_EURO = ("AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU",
         "LV", "MT", "NL", "PT", "SI", "SK")
_CURRENCIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # (a literal the text must hold, the pattern, the countries)
    ("$", r"(?<![A-Za-z])\$\s?\d", ("US", "CA", "AU", "NZ")),
    ("$", r"\bUS\$", ("US",)),
    ("dollar", r"\bU\.S\. dollars?\b", ("US",)),
    ("$", r"\b(?:C|CA|Can)\$", ("CA",)),
    ("dollar", r"\bCanadian dollars?\b", ("CA",)),
    ("$", r"\b(?:A|AU)\$", ("AU",)),
    ("dollar", r"\bAustralian dollars?\b", ("AU",)),
    ("NZ$", r"\bNZ\$", ("NZ",)),
    ("HK$", r"\bHK\$", ("HK",)),
    ("S$", r"\bS\$", ("SG",)),
    ("\u00a3", r"\u00a3\s?\d", ("GB",)),
    ("sterling", r"\bpounds? sterling\b", ("GB",)),
    ("\u20ac", r"\u20ac\s?\d|\d\s?\u20ac", _EURO),
    ("euro", r"\beuros?\b", _EURO),
    ("Rs", r"\bRs\.?\s?\d", ("IN", "PK", "LK", "NP")),
    ("rupee", r"\brupees?\b", ("IN", "PK", "LK", "NP")),
    ("yuan", r"\byuan\b", ("CN",)),
    ("RMB", r"\bRMB\b", ("CN",)),
    ("renminbi", r"\brenminbi\b", ("CN",)),
    ("yen", r"\byen\b", ("JP",)),
    ("naira", r"\bnaira\b", ("NG",)),
    ("shilling", r"\bshillings?\b", ("KE", "UG", "TZ", "SO")),
    ("peso", r"\bpesos?\b", ("MX", "PH", "AR", "CO", "CL", "CU", "DO", "UY")),
    ("rupiah", r"\brupiah\b", ("ID",)),
    ("ringgit", r"\bringgit\b", ("MY",)),
    ("baht", r"\bbaht\b", ("TH",)),
    ("ruble", r"\brubles?\b", ("RU",)),
    ("rouble", r"\broubles?\b", ("RU",)),
)
# the literal is looked for first (a fast test), the pattern only where it is found
CURRENCIES = tuple((hint, re.compile(pattern), countries)
                   for hint, pattern, countries in _CURRENCIES)


def currency_countries(text: str) -> frozenset[str]:
    """The countries whose currency the text counts money in."""
    return frozenset(cc for hint, pattern, countries in CURRENCIES
                     if hint in text and pattern.search(text) for cc in countries)


# Words just before a name that place something there ("in Lelystad", "the town of Pulawy",
# "west of Richland", "the mayor of Dogubayazit"): a name the NER took for an organisation
# is a town after them.
PLACED_BEFORE = re.compile(
    r"(?:^|\W)(?:in|near|outside|from|(?:north|south|east|west)(?:east|west)?(?:ern)?\s+of|"
    r"(?:town|city|village|villages|municipality|county|province|district|region|mayor|"
    r"residents|people|outskirts|suburbs?)\s+of)\s+(?:the\s+)?$", re.I)

# "to Capitol Hill", "on Nob Hill": a bare name of two or more words right after a word of
# motion or position is a place when the gazetteer knows it as one ("to the White House", "to
# Congress", with an article or one word, are institutions).
PLACED_BEFORE_NAME = re.compile(r"(?:^|\W)(?:to|on|onto)\s+$", re.I)


# What a match of each whole-text pattern must hold ("Road", "R-" after a comma, "-based",
# an upper-case word): most articles hold none, and these scans, which start with a
# literal or a capital, are fast where the patterns' own are slow.
SCAN_HINTS: dict[re.Pattern, tuple[re.Pattern, ...]] = {
    STREET: (re.compile(r"Highway|Interstate|Route|Road|FM|I-|US-|Street|Avenue|Drive|"
                        r"Boulevard|Lane|Parkway|Pike|Freeway|Expressway|Circle|Trail|Terrace|"
                        r"St\.|Rd\.|Ave\.|Dr\.|Blvd\.|Ln\.|Pkwy\."),
             re.compile(r"[A-Z][A-Z] \d")),  # a state's code before a road's number
    PARTY_HOME: (re.compile(r"(?:, |\()(?:R|D|I|DFL)-"),),
    BASED_IN: (re.compile(r"-based"),),
    STATE_AFTER_TOWN: (re.compile(r", [A-Z](?:\.|[A-Z]|[a-z]{1,4}\.)"),),
    STATE_INITIALS: (re.compile(r"[A-Z]\.[A-Z]"),),
    DATELINE: (re.compile(r"[A-Z][A-Z'.]{3}"),),
}


def scan(pattern: re.Pattern, text: str):
    """``pattern.finditer(text)``, or nothing at once when the text lacks what it needs."""
    hints = SCAN_HINTS.get(pattern, ())
    if hints and not any(h.search(text) for h in hints):
        return iter(())
    return pattern.finditer(text)
