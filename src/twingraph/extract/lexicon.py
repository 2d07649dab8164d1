"""The word tables the rules read: one table per idea, German and English side by side.

Each table is data, not logic: a rule asks "is this token a partnership word, and of which type?". Entries are
lower-case surface forms (inflected forms listed explicitly: German nouns and verbs change their endings).
"""

from __future__ import annotations

# --- partnerships -----------------------------------------------------------------------------------------
# word -> partnership type. Plural forms are in PARTNERSHIP_PLURALS: a plural names a pair only when the
# sentence names two cities ("Żagań and Teltow have been sister cities"), else it is generic talk
# ("zur Bildung deutsch-ukrainischer Städtepartnerschaften aufgerufen").
PARTNERSHIP_WORDS: dict[str, str] = {
    "städtepartnerschaft": "twinning", "partnerstadt": "twinning", "partnerstädten": "twinning",
    "städtepartnerschaftsvertrag": "twinning", "städtefreundschaft": "friendship", "städtepartner": "twinning",
    "partnergemeinde": "twinning", "partnerkommune": "twinning", "kooperationsvereinbarung": "cooperation",
    "kooperationsabkommen": "cooperation",
    "solidaritätspartnerschaft": "solidarity", "projektpartnerschaft": "project", "partnerschaft": "other",
    "partnerschaftsurkunde": "other", "partnerschaftsvertrag": "other", "partnerschaftsabkommen": "other",
    "kreispartnerschaft": "twinning", "kommunalpartnerschaft": "twinning", "gemeindepartnerschaft": "twinning",
    "partnerlandkreis": "twinning", "partnerkreis": "twinning", "partnerregion": "other",
    "freundschaftsvertrag": "friendship", "freundschaftsabkommen": "friendship",
    "freundschaft": "friendship", "kooperationspartnerschaft": "cooperation",
    "twinning": "twinning", "twinned": "twinning", "twin": "twinning", "sister": "twinning", "twin-town": "twinning",
    "twin-city": "twinning", "sister-city": "twinning",
    "partnership": "other", "friendship": "friendship", "link": "other", "solidarity partnership": "solidarity",
    "partner": "twinning", "jumelage": "twinning", "solidaritätspartner": "solidarity",
    "solidaritätspartnerstadt": "solidarity", "freundschaftsstadt": "friendship", "partnerschaftsvereinbarung": "other",
    "партнерство": "other", "побратим": "twinning", "побратими": "twinning", "побратимами": "twinning",
    "співробітництво": "cooperation", "співробітництва": "cooperation",
}  # fmt: skip
PARTNERSHIP_PLURALS: dict[str, str] = {
    "städtepartnerschaften": "twinning", "partnerstädte": "twinning", "solidaritätspartnerschaften": "solidarity",
    "partnerschaften": "other", "twinnings": "twinning", "partnerships": "other", "cities": "twinning",
    "partnergemeinden": "twinning", "partnerkommunen": "twinning", "partnerlandkreise": "twinning",
    "partnerkreise": "twinning", "partnerregionen": "other", "kreispartnerschaften": "twinning",
    "kommunalpartnerschaften": "twinning", "freundschaftsstädte": "friendship",
    "solidaritätspartnerstädte": "solidarity",
    "towns": "twinning",
}  # fmt: skip
# "twin"/"sister" only count before a town word; "link" only in "the link between".
PARTNERSHIP_NEEDS_NEXT: dict[str, tuple[str, ...]] = {
    "twin": ("town", "towns", "city", "cities"),
    "sister": ("town", "towns", "city", "cities"),
    "partner": ("town", "towns", "city", "cities", "municipality", "municipalities"),  # "Oxford's partner city Bonn"
}
PARTNERSHIP_NEEDS_PREVIOUS: dict[str, tuple[str, ...]] = {"cities": ("twin", "sister"), "towns": ("twin", "sister")}
# Nouns that name a partner town ("Dortmunds Partnerstadt Amiens", "Leeds' twin town"): they state the link's status
# only after a copula ("are twin towns") or with an adjective ("künftige Partnerstadt").
PARTNER_NOUNS = {"partnerstadt", "partnerstädte", "partnerstädten", "partnergemeinde", "partnergemeinden",
                 "partnerkommune", "partnerkommunen", "twin", "sister", "twin-town", "twin-city",
                 "sister-city", "partner", "solidaritätspartner", "solidaritätspartnerstadt", "freundschaftsstadt",
                 "freundschaftsstädte"}  # fmt: skip
# Vague words for a link between towns: a partnership word only in a clause that ends or suspends it.
PARTNERSHIP_LINK_WORDS = {"link", "links", "ties", "connection", "connections", "relationship", "relations",
                          "arrangement", "arrangements", "beziehungen", "verbindungen", "kontakte"}  # fmt: skip
PARTNERSHIP_LINK_SINGULARS = {"link", "connection", "relationship", "arrangement"}
# Words that make a following "twinning"/"partnership" the name of something else.
PARTNERSHIP_NOT_BEFORE = (
    "association",
    "associations",
    "verein",
    "guidelines",
    "committee",
    "society",
    "programme",
    "group",
    "groups",
    "club",
    "trip",
    "visit",
    "members",
    "member",
)

# Cues for the status of a partnership, searched in the clause of the partnership word (regular expressions).
# "ended" gives `suspended` (with the partnership ended); "anniversary" and "renewed" give `active`.
STATUS_CUES: dict[str, tuple[str, ...]] = {
    "suspended": (r"\bauf Eis\b", r"\bausgesetzt\b", r"\beingefroren\b", r"\bruht\b", r"\bsuspend", r"\bfrozen\b",
                  r"\bon hold\b", r"\bdormant\b", r"\binactive\b", r"\binaktiv\b",
                  r"\bnicht\s+(?:mehr\s+|aktiv\s+)?fortgesetzt\b", r"\bruhen\b", r"\bauszusetzen\b",
                  r"\baussetzen\b", r"\b(?:setzt|setzen|setzte|setzten)\b[^.;,]*\baus\s*(?:[.;,]|$)"),
    # ended by a decision: severed, cut, terminated, revoked, ended (a verb with its object, not "the end of June")
    "ended": (r"\bsever", r"\bcut(?:s|ting)?\s+(?:\w+\s+){0,2}(?:ties|links)\b", r"\bterminat", r"\brevok",
              r"\bend(?:s|ed|ing)?\s+(?:its|their|our|the|all|\d+|[A-Z][\w-]*[’']s|twinning|links|ties|relations)\b",
              r"\b(?:an|formal)\s+end\s+to\b", r"\bbeende[nt]\b", r"\baufgekündigt\b", r"\b(?:ge)?kündig(?:t|en|te)\b",
              r"\baufgelöst\b", r"\bscrap(?:s|ped|ping)?\b",
              r"\bpaus(?:e|es|ed|ing)\s+(?:\w+\s+){0,2}(?:twinning|links?|ties|relationship|partnership)",
              r"\b(?:froze|freez(?:e|es|ing)|frozen)\b", r"\bwithdr(?:aw|awn|ew)\s+from\b", r"\baufgehoben\b",
              # contacts broken off, halted, stopped: "alle Kontakte abgebrochen", "halted all contact"
              r"\b(?:Kontakte?|Beziehungen|Zusammenarbeit|Austausch|contacts?|cooperation|relations)\b[^.;]*?\b(?:abgebrochen|"
              r"eingestellt|ausgesetzt|gestoppt|halted|stopped|suspended)\b",
              r"\b(?:abgebrochen|eingestellt|halted|stopped|broke\s+off|broken\s+off)\s+(?:\w+\s+){0,2}(?:Kontakte?|contacts?|"
              r"cooperation|relations|links|ties)\b"),
    "planned": (r"\bsoll(?:en)?\b", r"\bstrebt\b.*\ban\b", r"\bangestrebt", r"\bgeplant", r"\bkünftig", r"\bzukünftig",
                r"\bwird\b.*\bbesiegelt\b", r"\bam Aufbau\b", r"\bauf dem Weg zu\b", r"\bwill\b",
                r"\bplan(?:s|ned|ning)?\b", r"\bintend", r"\bto become\b", r"\bfuture\b", r"\bnächste[n]?\b",
                r"\bwerden\b.*\bbesiegelt\b", r"\bvorbereite", r"\b(?:wird|werden)\b.*\bunterzeichnet\b",
                r"\b(?:is|are)\s+to\s+be\b", r"\b(?:will|to)\s+be\s+(?:re-)?signed\b", r"\bwollen\b",
                r"\bmöchten\b", r"\bwants?\s+to\b", r"\baims?\s+to\b",
                r"\b(?:voted|agreed|decided|set)\s+to\s+(?:twin|become|establish|enter|form|create|start)\b"),
    "formalized": (r"\bbesiegel(?:t|te|ten|n)\b", r"\bunterzeichne", r"\bunterschrieben\b", r"\bUnterzeichnung\b",
                   r"\bgeschlossen\b", r"\bsigned\b", r"\bsigning\b", r"\bfrom now on\b", r"\bofficially\b",
                   r"\bпідписа", r"\bvollzogen\b", r"\beingegangen\b", r"\beingeht\b", r"\bbeurkundet\b", r"\bsealed\b",
                   r"\bformali[sz]ed\b", r"\b(?:wurde|wurden)\b[^.;]*\bvereinbart\b", r"\b(?:was|were)\s+agreed\b"),
    # told as existing for years: an anniversary of the partnership, whatever is planned to celebrate it
    "anniversary": (r"\banniversary\b", r"\bjubiläum", r"\bjahrestag",
                    r"\b\d+\s*(?:Jahre|years)\s+(?:of\s+)?(?:\w+\s+)?(?:Städtepartnerschaft|Partnerschaft|"
                    r"twinning|partnership|friendship)", r"\b\d+-jährige"),
    # a signing that renews an existing partnership, or the original signing told as history, leaves it active
    "renewed": (r"\bre-sign", r"\berneuer", r"\brenew", r"\breaffirm", r"\boriginally\b", r"\bursprünglich\b"),
}  # fmt: skip
# A negated or hypothetical clause does not end anything ("would be a pointless gesture", "nicht aufkündigen").
UNREAL_CUES = (r"\bwould\b", r"\bwürde", r"\bnot\b", r"\bn[’']t\b", r"\bnever\b", r"\bnicht\b", r"\bkein",
               r"\bno\s+plans?\b", r"\bwhether\b", r"\bob\b")  # fmt: skip
# A partnership said to have been founded at a date long past is simply active ("Im Dezember 1988 ... begründet").
SINCE_CUES = (
    r"\bseit\b",
    r"\bsince\b",
    r"\bdates back to\b",
    r"\bdating back to\b",
    r"\bbegründet\b",
    r"\bgegründet\b",
    r"\bestablished\b",
    r"\bbesteht\b",
    r"\bvom\b",
    r"\bwurde\b",
    r"\babschlossen\b",
    r"\bin\b",
    r"\bim\b",
    r"\bз\b",
)
PLANNED_BY_CUES = (r"\bbis\s+(?:spätestens\s+)?(?:zum\s+Jahr\s+)?$", r"\bby\s+$", r"\buntil\s+$")
DURATION_AFTER = r"^\s*(?:Jahre|Jahren|years?)\b"  # "45 Jahre" is a duration, never a year

# --- agreements -------------------------------------------------------------------------------------------
AGREEMENT_WORDS: dict[str, str] = {
    "vereinbarung": "agreement", "kooperationsvereinbarung": "cooperation agreement", "abkommen": "agreement",
    "partnerschaftsabkommen": "partnership agreement", "vertrag": "contract", "partnerschaftsvertrag": "contract",
    "städtepartnerschaftsvertrag": "contract", "partnerschaftsurkunde": "charter", "urkunde": "charter",
    "absichtserklärung": "memorandum", "memorandum": "memorandum", "mou": "memorandum", "agreement": "agreement",
    "charter": "charter", "declaration": "declaration", "угоду": "agreement", "угода": "agreement",
    "меморандум": "memorandum", "unterzeichnung": "signing", "charta": "charter", "pact": "agreement",
}  # fmt: skip
SIGNING_CUES = (
    r"\bunterzeichne",
    r"\bunterfertig",  # Austrian
    r"\bunterschrieben\b",
    r"\bunterschreiben\b",
    r"\bUnterzeichnung\b",
    r"\bSignatur",
    r"\bvereinbar",
    r"\bschlossen\b",
    r"\bgeschlossen\b",
    r"\bbesiegelt\b",
    r"\bsign(?:ed|ing|s)?\b",
    r"\bre-sign",
    r"\bпідписа",
    r"\bvollzogen\b",
    r"\breaffirm(?:ed|s|ing)?\b",  # a renewal signs the document again
    r"\brenew(?:ed|s|ing)?\b",
    r"\berneuert(?:e|en)?\b",
)
RENEWAL_CUES = (r"\bErneuerung\b", r"\berneuert", r"\bre-sign", r"\brenew", r"\breaffirm")

# --- visits -----------------------------------------------------------------------------------------------
VISIT_NOUNS = {
    "delegation", "besuch", "besuchs", "besuches", "gegenbesuch", "gegenbesuchs", "besuchergruppe", "gruppe",
    "visitors", "besucher", "besucherinnen",
    "reise", "delegationsreise", "fahrt", "visit", "trip", "guests", "gäste", "group", "gast",
}  # fmt: skip
VISIT_VERBS = {
    "besuchte", "besuchten", "besucht", "besuchen", "reiste", "reisten", "reist", "reisen", "gereist", "kam",
    "kamen", "kommt", "kommen", "visited", "visits", "visit", "travelled", "traveled", "welcomed", "hosted",
    "travel", "travels", "travelling", "traveling", "departed", "aufgebrochen", "fliegt", "flog", "flogen",
    "flew", "stattete", "statteten",
    "eingetroffen", "angereist", "arrived", "weilt", "weilte", "weilten", "aufhalten", "aufgehalten", "stayed",
}  # fmt: skip
# Who travels: in a clause with a visit noun, "Students from Windsor’s twin city ... on a trip" are the visitors.
TRAVELLER_NOUNS = {"students", "pupils", "schüler", "schülerinnen", "jugendliche", "representatives", "vertreter",
                   "vertreterinnen", "delegates", "members", "mitglieder", "musicians", "musiker", "choir", "chor",
                   "youth", "officials", "councillors", "stadträte"}  # fmt: skip
# Visit verbs in a past tense: the trip has happened (or begun), whatever the clause says of its rest.
PAST_VISIT_VERBS = {"arrived", "visited", "travelled", "traveled", "came", "kam", "kamen", "besuchte", "besuchten",
                    "reiste", "reisten", "eingetroffen", "angereist", "gereist", "weilte", "weilten",
                    "stayed", "flew", "flog", "flogen", "departed", "aufgebrochen", "spent", "stattete",
                    "statteten", "verbrachte", "verbrachten"}  # fmt: skip
RETURN_VISIT_WORDS = {"gegenbesuch", "gegenbesuchs", "rückbesuch", "return"}
GENERIC_VISIT_PLURALS = {"besuche", "reisen", "delegationsreisen", "trips", "visits", "delegations", "fahrten"}
# Prepositions before the city a delegation comes from / goes to.
ORIGIN_PREPS = ("aus", "from", "von")
DESTINATION_PREPS = ("nach", "in", "to", "ins", "zu")
# "die Einladung aus Dortmund": the inviting city is the host.
INVITATION_WORDS = ("einladung", "invitation")
# Cues that a trip lies ahead.
FUTURE_CUES = (
    r"\bgeplant",
    r"\bangedacht\b",
    r"\bdemnächst\b",
    r"\bvoraussichtlich\b",
    r"\bkünftig",
    r"\bwird\b",
    r"\bwerden\b",
    r"\bsoll(?:en)?\b",
    r"\bwill\b",
    r"\bplan(?:s|ned)?\b",
    r"\bnext\s+(?:year|month|week)\b",
    r"\bis to\b",
    r"\bGeplant\b",
    r"\bexpected\b",
    r"\bupcoming\b",
    r"\bim\s+kommenden\b",
    r"\bkommende[nrs]?\s+(?:Jahr|Monat|Woche|Frühjahr|Sommer|Herbst|Winter)",
    r"\bnächste[nrs]?\s+(?:Jahr|Monat|Woche|Frühjahr|Sommer|Herbst|Winter)",
    r"\bin\s+the\s+coming\b",
    r"\bnext\s+(?:spring|summer|autumn|fall|winter)\b",
)
# An invitation to visit lies ahead: "lud seinen Amtskollegen zu einem Gegenbesuch ein", "extended an invitation to
# the club to visit Germany in 2011" (a stay "auf Einladung" of the host is no such cue: it has happened).
INVITATION_CUES = (
    r"\b(?:lud|luden|lädt)\b[^.]*\bzu\s+(?:einem|einer)\s+\w*(?:besuch|reise)\w*\b[^.]*\bein\b",
    r"\bzu\s+(?:einem|einer)\s+\w*(?:besuch|reise)\w*\s+(?:nach\s+\w+\s+)?eingeladen\b",
    r"\b(?:eingeladen|Einladung)\b[^.]*\bzu\s+besuchen\b",
    r"\binvit(?:ed|es|ing|ation)\b[^.]*?\bto\s+(?:visit|come|travel|a\s+(?:return\s+)?visit)\b",
)
# Visit verbs telling a trip that is going on or done: a plan in another clause of the sentence is no trip.
ONGOING_VISIT_VERBS = {"besucht", "visits", "visiting", "weilt", "arrived", "visited", "besuchte", "besuchten",
                       "eingetroffen", "angereist"}  # fmt: skip
# Stops during a visit, no trips between partner towns.
SIGHTSEEING_CUES = (r"\bday\s+trips?\b", r"\bexcursions?\b", r"\bAusfl(?:ug|üge)", r"\bsightseeing\b",
                    r"\bBesichtigung", r"\bStadtführung", r"\bguided\s+tour")  # fmt: skip
# Group words whose number is the size of a delegation: "28 guests", "19 Dortmunderinnen und Dortmunder".
SIZE_NOUNS = {"guests", "gäste", "delegates", "members", "teilnehmer", "teilnehmende", "personen", "people", "visitors"}
NUMBER_WORDS: dict[str, int] = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
    "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
    "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip

# --- events -----------------------------------------------------------------------------------------------
EVENT_WORDS: dict[str, str] = {
    # donation: what is given and handed over
    "spende": "donation", "spenden": "donation", "spendet": "donation", "spendete": "donation",
    "gespendet": "donation", "gespendete": "donation", "übergaben": "donation", "übergab": "donation",
    "übergeben": "donation", "überreichte": "donation", "überreichten": "donation", "schickt": "donation",
    "schickte": "donation", "geschickt": "donation", "hilfsgüter": "donation", "donated": "donation",
    "donation": "donation", "donations": "donation", "donate": "donation", "delivered": "donation",
    "hilfstransport": "donation", "hilfstransporte": "donation", "hilfslieferung": "donation",
    "hilfslieferungen": "donation", "liefert": "donation", "lieferte": "donation", "geliefert": "donation",
    "übergibt": "donation", "überreicht": "donation", "spendeten": "donation", "donates": "donation",
    "geschenkt": "donation", "schenkte": "donation", "schenkten": "donation", "gifted": "donation",
    # funding
    "gefördert": "funding", "förderte": "funding", "finanziert": "funding", "finanzierte": "funding",
    "fördermittel": "funding", "zuschuss": "funding", "funded": "funding", "sponsored": "funding",
    "funding": "funding", "grant": "funding", "contributed": "funding", "bezuschusst": "funding",
    # reception
    "begrüßt": "reception", "begrüßte": "reception", "begrüßten": "reception", "empfängt": "reception",
    "empfangen": "reception", "empfing": "reception", "empfang": "reception", "hosted": "reception",
    "welcomed": "reception", "reception": "reception",
    # anniversary
    "jubiläum": "anniversary", "jubiläums": "anniversary", "festakt": "anniversary", "jahrestag": "anniversary",
    "feierstunde": "anniversary", "anniversary": "anniversary", "jubilee": "anniversary", "festaktes": "anniversary",
    "festakts": "anniversary", "jubiläumsfeier": "anniversary", "jubiläumsfeierlichkeiten": "anniversary",
    "jubiläumsfest": "anniversary", "jahrestages": "anniversary",
}  # fmt: skip
# A sum of money: "175.000 Euro", "£5,000", "$10,000".
_AMOUNT = r"(?:(?:£|\$|€)\s?\d[\d.,]*|\d[\d.,]*\s*(?:Euro|EUR|€|Pfund|pounds?|£|Dollar|dollars|\$)(?!\w))"
# Cues of an act told by a pattern, not by one word (regular expressions, case-blind).
EVENT_PATTERNS: dict[str, tuple[str, ...]] = {
    # an amount made available: "stellt ... 175.000 Euro zur Verfügung", "provided £5,000"
    "funding": (
        _AMOUNT + r"[^.;]{0,80}?\b(?:zur\s+Verfügung|bereitgestellt|bewilligt|provided|allocated|awarded|granted|"
        r"made\s+available)",
        r"\b(?:zur\s+Verfügung\s+gestellt|bereitgestellt|bewilligt|provided|allocated|awarded|granted|received|"
        r"erhielt|erhielten|erhält|bekam|bekommt|fördert|fördern|förderte|unterstützt)\b[^.;]{0,60}?" + _AMOUNT,
    ),
    # years of a partnership celebrated: "feiert 50 Jahre Städtepartnerschaft", "celebrated 25 years of twinning",
    # "das 40-jährige Bestehen"
    "anniversary": (
        r"\b(?:feier\w*|celebrat\w*|beging|begeh\w*|mark(?:s|ed|ing)?)\b[^.;]{0,60}?\b\d+\s+(?:Jahre|years)\b",
        r"\b\d+-?jährige[nms]?\s+(?:Bestehen|Jubiläum|Partnerschaft|Städtepartnerschaft)",
    ),
    # signing the Golden Book, meeting the mayor at the town hall: how a town receives a guest officially
    "reception": (
        r"\bGoldene[ns]?\s+Buch",
        r"\bGolden\s+Book\b",
        r"\b(?:City\s+Hall|Town\s+Hall|town\s+hall|Rathaus|Rathauses)\b[^.;]{0,60}?\b(?:to\s+meet|met|meeting|trafen|"
        r"traf|treffen)\b[^.;]{0,30}?\b(?:Mayor|mayor|Lord\s+Mayor|Bürgermeister\w*|Oberbürgermeister\w*)",
    ),
    # aid brought or set on its way: "bringing relief and help to the children", "auf den Weg in die Ukraine"
    "donation": (
        r"\b(?:bring\w*|brought)\s+(?:\w+\s+){0,2}?(?:relief|aid|help|supplies)\b",
        r"\bhand(?:s|ed|ing)?\s+over\b",
        r"\b(?:Transport|Hilfstransport|Konvoi|Hilfskonvoi|Lieferung|Hilfsgüter\w*)\b[^.;]{0,120}?\bauf\s+den\s+Weg\b",
        r"\b(?:supplies|aid|donations)\b[^.;]{0,80}?\b(?:left|departed|set\s+off|(?:is|are|was|were)\s+on\s+(?:its|"
        r"their)\s+way)\b",
    ),
}
# Words one of which a sentence must contain before EVENT_PATTERNS are tried (lower case; spares the patterns).
EVENT_PATTERN_GATES: dict[str, tuple[str, ...]] = {
    "funding": ("euro", "€", "£", "$", "pfund", "pound", "dollar"),
    "anniversary": ("jahre", "year", "jährig"),
    "reception": ("golden", "goldene", "hall", "rathaus"),
    "donation": ("relief", "aid", "help", "supplies", "auf den weg", "over", "donations"),
}
# A donation word in a clause that tells collecting or buying, intending or a figure of speech is no act of giving:
# "sammelt Spenden", "beim Sammeln der Spenden", "wants to donate", "schickt ein Zeichen der Solidarität".
DONATION_NOT_GIVEN = (
    r"\bsammel|\bsammeln\b|\bgesammelt|\bcollect|\braise[sd]?\b|\braising\b|\bSpendenaufruf|\bruft\b.*\bauf\b"
    r"|\bBeschaffung\b|\bprocure",
    r"\b(?:können|can\s+be|Konto|IBAN|Spendenkonto)\b",  # an appeal: where to give, not a gift
    r"\b(?:will|wollen|soll|sollen|möchte[n]?|plant|planen|want(?:s|ed)?\s+to|plan(?:s|ned)?\s+to|aim(?:s|ed)?\s+to|hope[sd]?\s+to|"
    r"intend(?:s|ed)?\s+to|Ziel\s+ist\s+es|goal\s+is\s+to)\b",
    r"\b(?:schick\w*|send\w*|sent)\s+(?:\w+\s+){0,3}?(?:Zeichen|Signal|Botschaft|Grüße|Gruß|Brief|Einladung|message|"
    r"signal|greetings|letter|invitation)",
)
# Funding asked for or needed is not given: "applied for funding", "beantragt Fördermittel", "funding is needed".
FUNDING_NOT_GIVEN = (
    r"\b(?:apply|applied|applying|application|beantrag\w*|Antrag|seek\w*|sought|need(?:s|ed)?|benötig\w*|"
    r"hope[sd]?|hofft\w*)\b",
)
# The anniversary of a war is not a partnership's: "am Jahrestag des Kriegsbeginns", "the anniversary of the
# invasion".
ANNIVERSARY_NOT_GIVEN = (
    r"\b(?:anniversary|Jahrestag\w*)\s+(?:of|des|der)\s+(?:the\s+|Russia’s\s+|Russia's\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:war|invasion|attack|Krieg\w*|Angriff\w*|Angriffskrieg\w*|Invasion|Überfall\w*|Kriegsbeginn\w*)",
    r"\b(?:war|invasion|Krieg\w*|Angriff\w*)\s+(?:\w+\s+){0,2}?(?:anniversary|Jahrestag)",
)
# A reception word that only says where a meeting took place ("the Sister City Conference hosted in Cincinnati")
# or that welcomes an idea, not a guest ("welcomed the decision", "begrüßte den Beschluss").
RECEPTION_NOT_GIVEN = (
    r"\b(?:Conference|Summit|Forum|Congress|Meeting|Festival|Tournament|Konferenz|Kongress|Gipfel)\s+(?:was\s+)?"
    r"hosted\s+(?:in|at|by)\b",
    r"\b(?:welcome[ds]?|begrüß\w*)\s+(?:the|this|that|a|die|den|das|diese[nms]?|einen?)\s+(?:\w+\s+)?"
    r"(?:decision|move|news|resolution|step|idea|proposal|initiative|plan|vote|Entscheidung|Beschluss|Schritt|"
    r"Idee|Vorschlag|Initiative|Nachricht|Plan|Votum)",
)
# "thanks to the support of the X Foundation": support by a funding body is funding.
FUNDING_SUPPORT = r"\bsupport of the\b.*\b(?:Foundation|Fund|Stiftung|Programme|Program)\b"
# Words after which a reception word is not about a delegation ("welcomed the decision").
DONATION_BLOCKERS = ("delegation", "vertreter", "delegates", "dankte", "dankt", "thanked", "thanks for")

# --- persons and roles ------------------------------------------------------------------------------------
# role as written (lower case) -> short English role. Longest first when matching.
ROLE_WORDS: dict[str, str] = {
    "oberbürgermeister": "Lord Mayor", "oberbürgermeisterin": "Lord Mayor", "ob": "Lord Mayor",
    "altoberbürgermeister": "former Lord Mayor", "altoberbürgermeisterin": "former Lord Mayor",
    "bürgermeister": "mayor", "bürgermeisterin": "mayor", "stadtoberhaupt": "mayor", "stadtpräsident": "mayor",
    "stadtpräsidenten": "mayor", "stadtpräsidentin": "mayor", "präsidenten": "president", "bürgermeisters": "mayor",
    "oberbürgermeisters": "Lord Mayor", "direktors": "director", "leiters": "head",
    "stellvertretende bürgermeisterin": "deputy mayor", "stellvertretender bürgermeister": "deputy mayor",
    "stellvertretende bürgermeister": "deputy mayor", "erster bürgermeister": "mayor",
    "bundespräsident": "Federal President", "bundeskanzler": "Federal Chancellor",
    "bundeskanzlerin": "Federal Chancellor",
    "bundesminister": "federal minister", "bundesministerin": "federal minister", "minister": "minister",
    "ministerin": "minister", "geschäftsführer": "managing director", "geschäftsführerin": "managing director",
    "geschäftsführender direktor": "managing director", "geschäftsführende direktorin": "managing director",
    "direktor": "director", "direktorin": "director", "leiter": "head", "leiterin": "head",
    "koordinator": "coordinator", "koordinatorin": "coordinator", "vorsitzender": "chair", "vorsitzende": "chair",
    "präsident": "president", "präsidentin": "president", "redakteurin": "reporter", "redakteur": "reporter",
    "redakteurinnen": "reporter", "reporterin": "reporter", "reporter": "reporter", "künstlerin": "artist",
    "künstler": "artist",
    "stadtrat": "councillor", "stadträtin": "councillor", "ratsmitglied": "councillor", "beigeordneter": "alderman",
    "dezernent": "head of department", "dezernentin": "head of department", "botschafter": "ambassador",
    "botschafterin": "ambassador", "konsul": "consul", "generalkonsul": "Consul General",
    "landrat": "district administrator",
    "mayor": "mayor", "lord mayor": "Lord Mayor", "deputy mayor": "deputy mayor", "councillor": "councillor",
    "coun": "councillor", "cllr": "councillor", "leader": "leader", "chairman": "chair", "chairwoman": "chair",
    "chair": "chair", "president": "president", "principal": "principal", "director": "director",
    "adviser": "adviser", "advisor": "adviser", "prime minister": "Prime Minister", "chancellor": "Chancellor",
    "federal chancellor": "Federal Chancellor", "ambassador": "ambassador", "secretary": "secretary",
    "guitarist": "guitarist", "classical guitarist": "guitarist", "singer": "singer", "singers": "singer",
    "head": "head", "representative": "representative", "manager": "manager", "spokesperson": "spokesperson",
    "spokesman": "spokesperson", "міський голова": "mayor", "президент": "president", "посол": "ambassador",
    "генконсул": "Consul General", "vice mayor": "deputy mayor", "interim mayor": "mayor", "acting mayor": "mayor",
    "council member": "councillor", "city council member": "councillor", "councilman": "councillor",
    "councilwoman": "councillor", "chief executive": "chief executive", "council leader": "leader",
    "interpreter": "interpreter", "dolmetscher": "interpreter", "dolmetscherin": "interpreter",
    "amtskollege": "counterpart", "amtskollegin": "counterpart", "amtskollegen": "counterpart",
    "counterpart": "counterpart", "ortsvorsteher": "mayor", "ortsvorsteherin": "mayor",
    # posts that are not mayors: staff with a trade, boards, envoys
    "architect": "architect", "engineer": "engineer", "firefighter": "firefighter", "teacher": "teacher",
    "board member": "board member", "envoy": "envoy", "special envoy": "envoy", "clerk": "clerk",
    "town clerk": "clerk", "treasurer": "treasurer", "architekt": "architect", "architektin": "architect",
    "ingenieur": "engineer", "ingenieurin": "engineer", "feuerwehrmann": "firefighter",
    "feuerwehrfrau": "firefighter", "lehrer": "teacher", "lehrerin": "teacher", "gesandter": "envoy",
    "gesandte": "envoy", "vorstand": "board member", "schatzmeister": "treasurer", "schatzmeisterin": "treasurer",
    "vizebürgermeister": "deputy mayor", "vizebürgermeisterin": "deputy mayor", "officer": "officer",
    "headteacher": "headteacher", "head teacher": "headteacher", "vice-chair": "vice-chair", "vice chair": "vice-chair",
    "deputy chair": "vice-chair", "vice-chairman": "vice-chair", "vice chairman": "vice-chair", "founder": "founder",
    "coordinator": "coordinator", "deputy leader": "deputy leader", "alderman": "alderman",
    "lord provost": "Lord Provost", "provost": "Lord Provost", "deputy lord mayor": "deputy mayor",
    "mitglied": "member",
    # clergy of the religious communities that take part in twinning work
    "pastor": "pastor", "pastorin": "pastor", "pfarrer": "pastor", "pfarrerin": "pastor", "reverend": "pastor",
    "priest": "priest", "priester": "priest", "rabbi": "rabbi", "rabbiner": "rabbi", "rabbinerin": "rabbi",
    "imam": "imam", "bishop": "bishop", "bischof": "bishop", "bischöfin": "bishop", "dekan": "dean",
    "dekanin": "dean",
}  # fmt: skip
# Heads of German compound posts and the English post they name ("Partnerschaftsbeauftragter" -> commissioner).
POST_HEADS_DE: dict[str, str] = {
    "beauftragte": "commissioner", "beauftragter": "commissioner", "beauftragten": "commissioner",
    "beauftragtem": "commissioner", "leiterin": "head", "leiter": "head", "referentin": "officer",
    "referent": "officer", "sprecherin": "spokesperson", "sprecher": "spokesperson", "vorsitzende": "chair",
    "vorsitzender": "chair", "vorsitzenden": "chair", "dolmetscherin": "interpreter", "dolmetscher": "interpreter",
    "sekretärin": "secretary", "sekretär": "secretary", "reporterin": "reporter", "reporter": "reporter",
    "mitglied": "member",
    # clergy of the religious communities that take part in twinning work
    "pastor": "pastor", "pastorin": "pastor", "pfarrer": "pastor", "pfarrerin": "pastor", "reverend": "pastor",
    "priest": "priest", "priester": "priest", "rabbi": "rabbi", "rabbiner": "rabbi", "rabbinerin": "rabbi",
    "imam": "imam", "bishop": "bishop", "bischof": "bishop", "bischöfin": "bishop", "dekan": "dean",
    "dekanin": "dean", "ingenieurin": "engineer", "ingenieur": "engineer", "architektin": "architect",
    "architekt": "architect", "koordinatorin": "coordinator", "koordinator": "coordinator",
    "beraterin": "adviser", "berater": "adviser", "managerin": "manager", "manager": "manager",
    "direktorin": "director", "direktor": "director", "dezernentin": "head of department",
    "dezernent": "head of department", "brandmeisterin": "fire chief", "brandmeister": "fire chief",
}  # fmt: skip
# The local titles of a city's head: without a city named, a local paper means its own city's.
LOCAL_MAYOR_TITLES: dict[str, tuple[str, ...]] = {
    "de": ("oberbürgermeister", "oberbürgermeisterin", "ob", "bürgermeister", "bürgermeisterin"),
    "en": ("lord mayor", "mayor"),
}
# Roles held at national level: "Bundespräsident X" belongs to no city.
NATIONAL_ROLES = {
    "Federal President",
    "Federal Chancellor",
    "federal minister",
    "Prime Minister",
    "Chancellor",
    "minister",
    "ambassador",
    "Consul General",
    "president",
}
# Posts on a council: their `of` is the council the article names for the town, when it names one.
COUNCIL_ROLES = {"councillor"}
# Roles that mean head of a city (their `of` is a city).
CITY_HEAD_ROLES = {"Lord Mayor", "former Lord Mayor", "mayor", "deputy mayor"}
# "sein Amtskollege", "her counterpart": the same post in the partner city of the official named before.
COUNTERPART_ROLE = "counterpart"
ACADEMIC_TITLES = {"dr", "dr.", "prof", "prof.", "professor", "dipl.-ing.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
                   "sir", "dame", "coun", "cllr", "herr", "frau"}  # fmt: skip
# Capitalised words that start no name even if a first-name list knows them.
NOT_NAMES = {
    "mai", "juni", "juli", "august", "april", "may", "june", "die", "der", "das", "den", "dem", "des", "ein", "eine",
    "stadt", "city", "paris", "florence", "berlin", "london", "nur", "auch", "nach", "mit", "von", "im", "in", "am",
    "kurz", "sun", "rose", "will", "mark", "grant", "bill", "art", "hope", "van", "oder", "so", "ob",
    "laut", "neben", "bereits", "dank", "beim", "ukrainer", "ukrainerinnen", "russian", "german", "ukrainian",
    "international", "smart", "digital", "urban", "street", "new", "young", "network", "prince",
    "kanal", "the", "on", "at", "for", "and", "und", "is", "lage", "januar", "februar", "märz", "oktober",
    "november", "dezember", "september", "january", "february", "march", "october", "december", "deutsch",
    # German prepositions and conjunctions that open sentences ("Seit Beginn des Krieges ...")
    "seit", "ab", "bei", "durch", "für", "gegen", "ohne", "um", "während", "wegen", "trotz", "statt", "gemäß",
    "über", "unter", "vor", "hinter", "zwischen", "aus", "zu", "als", "wenn", "weil", "dass", "doch", "denn",
}  # fmt: skip
# Words that end no name as its surname, even after a known given name ("Yael German" is a name; "Pia und" not).
NOT_SURNAMES = {
    "die", "der", "das", "den", "dem", "des", "ein", "eine", "und", "and", "the", "on", "at", "for", "is", "oder",
    "so", "ob", "auch", "nur", "nach", "mit", "von", "im", "in", "am", "mai", "juni", "juli", "august", "april",
    "may", "june", "januar", "februar", "märz", "oktober", "november", "dezember", "september", "january",
    "february", "march", "october", "december", "city", "stadt", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
}  # fmt: skip
# Abbreviated English titles that end with a period ("Gov. Glenn Youngkin", "Sen. Tim Kaine").
TITLE_ABBREVIATIONS = {"gov", "sen", "rep", "gen", "col", "capt", "lt", "sgt", "supt", "insp", "hon", "rev"}
# First names the general name list lacks (Ukrainian transliterations).
EXTRA_FIRST_NAMES = {"halyna", "ostap", "serhij", "serhii", "oleksandr", "oleksii", "vitalii", "andrii", "yurii",
                     "mykola", "svitlana", "olena", "oksana", "tetiana", "iryna", "nataliia", "volodymyr",
                     "borys"}  # fmt: skip
# Ukrainian first names by stem: the name is inflected ("Олексія Макеєва", "Ірини Шум" are genitives).
CYRILLIC_FIRST_NAME_STEMS = (
    "борис", "франк", "володимир", "олекс", "ірин", "віктор", "вітал", "сергі", "сергій", "андрі", "олен", "юлі",
    "дмитр", "михайл", "петр", "оксан", "натал", "тетян", "світлан", "галин", "ігор", "юрі", "васил", "олег",
    "ольг", "марі", "ганн", "катерин", "богдан", "тарас", "остап", "роман", "ярослав", "микол", "степан", "іван",
    "павл", "олаф", "анк", "вадим", "геннад", "людмил", "валері", "леонід", "євген", "костянтин", "максим",
)  # fmt: skip
NAME_PARTICLES = {"van", "von", "der", "de", "den", "zu", "van der", "von der", "di", "da", "le", "la", "ten", "ter"}

# --- organizations ----------------------------------------------------------------------------------------
# German compound endings and nouns that make a named body.
ORG_HEADS_DE = (
    "verein", "verband", "stiftung", "ministerium", "behörde", "servicestelle", "stadtrat", "gemeinderat",
    "stadtverwaltung", "klinikum", "kulturbetriebe", "betriebe", "wirtschaftsförderung", "büro", "hochschule",
    "universität", "gmbh", "kammer", "headquarter", "netzwerk", "stadtwerke", "sparkasse", "feuerwehr",
    # heads that name a kind of body; alone ("eine Grundschule", "die Zeitung") they are no name
    "schule", "gesellschaft", "kanzlei", "ausschuss", "komitee", "amt", "parlament", "kreuz", "zeitung", "agentur",
    "hilfswerk", "orchester", "bigband", "blaskapelle", "musikkapelle", "stadtkapelle", "polizei", "ältestenrat",
    "beirat", "kreistag", "verwaltung", "verlag", "rundfunk", "kirchengemeinde", "kultusgemeinde", "chor",
    "spielmannszug", "hilfsdienst", "wohlfahrt", "konsulat", "rundschau", "anzeiger", "kurier", "tagblatt",
    "tageblatt", "gymnasium", "kolleg", "kindergarten", "caritas", "diakonie", "pfarrei",
)  # fmt: skip
# Heads of ORG_HEADS_DE that make a name only with something naming the body: a city, a capitalised adjective
# ("Sächsische Staatskanzlei", "Deutsches Rotes Kreuz"), a complement ("Gesellschaft für ...") or a quoted name.
ORG_KIND_HEADS_DE = (
    "schule", "gesellschaft", "kanzlei", "amt", "parlament", "kreuz", "zeitung", "agentur", "hilfswerk", "orchester",
    "bigband", "blaskapelle", "musikkapelle", "stadtkapelle", "polizei", "beirat", "kreistag", "verlag", "rundfunk",
    "kirchengemeinde", "kultusgemeinde", "feuerwehr", "chor", "spielmannszug", "hilfsdienst", "konsulat", "rundschau",
    "anzeiger", "kurier", "tagblatt", "tageblatt", "gymnasium", "kolleg", "kindergarten", "pfarrei",
)  # fmt: skip
# Bodies a town has one of: "der Feuerwehren aus A und B" are A's and B's.
ONE_PER_TOWN = ("feuerwehr", "verwaltung", "stadtrat", "gemeinderat", "partnerschaftsverein", "polizei", "stadtwerke",
                "musikschule", "volkshochschule", "sparkasse", "klinikum", "landratsamt")  # fmt: skip
# Words that end in a head but name no body ("Insgesamt", "Ehrenamt": volunteering, "Zivilgesellschaft").
NOT_ORG_WORDS_DE = {
    "insgesamt", "gesamt", "samt", "ehrenamt", "ehrenamts", "ehrenamtes", "zivilgesellschaft", "stadtgesellschaft",
    "hakenkreuz", "bundesverdienstkreuz", "verdienstkreuz", "tageszeitung", "amtes", "amts", "gottesdienst",
}  # fmt: skip
ORG_HEAD_EXACT_DE = {"bundestag", "bundesrat", "landtag", "europäische union", "stadtrat", "gemeinderat"}
ORG_HEADS_EN = (
    "association", "council", "foundation", "network", "office", "union", "ministry", "agency", "committee",
    "society", "club", "university", "project", "headquarter", "headquarters", "trust", "fund", "manor", "company",
    "bundestag", "parliament", "commission", "institute", "college", "united", "program", "programme",
    "school", "academy", "church", "band", "orchestra", "choir", "police", "department", "federation", "corporation",
    "energy", "bank", "telegraph", "herald", "gazette", "times", "embassy", "consulate", "radio", "news",
    # public services, welfare bodies and newspapers by their head noun
    "service", "hospital", "hospitals", "authority", "board", "chamber", "brigade", "army",
    "journal", "chronicle", "tribune", "observer", "post", "standard", "echo", "press",
)  # fmt: skip
# Words after an English head noun that make the run a person's title ("City Council Member Amy Murray").
ORG_ROLE_AFTER_EN = {
    "member", "members", "leader", "chair", "chairman", "chairwoman", "president", "officer", "chief", "secretary",
    "spokesperson", "spokesman", "spokeswoman", "director", "manager", "representative", "mayor", "clerk",
}  # fmt: skip
# Bodies of a city that are named without the city ("der Stadtrat"): the article's home city completes the name.
MUNICIPAL_BODIES = {"stadtrat": "Stadtrat", "stadtrates": "Stadtrat", "stadtrats": "Stadtrat",
                    "stadtverwaltung": "Stadtverwaltung", "partnerschaftsverein": "Partnerschaftsverein",
                    "gemeinderat": "Gemeinderat", "wirtschaftsförderung": "Wirtschaftsförderung",
                    "verwaltung": "Verwaltung", "ältestenrat": "Ältestenrat"}  # fmt: skip
# Council committees: every "-ausschuss" and "-komitee" ("Partnerschaftsausschuss", "Hauptausschuss") is the town's.
MUNICIPAL_SUFFIXES = ("ausschuss", "komitee")
# "jüdische Gemeinde", "der evangelischen Kirchengemeinde": religious communities.
RELIGIOUS_ADJECTIVES = ("jüdisch", "evangelisch", "katholisch", "muslimisch", "islamisch", "orthodox", "reformiert",
                        "lutherisch", "evangelisch-lutherisch", "griechisch-orthodox", "russisch-orthodox")  # fmt: skip
# Acronyms that name no body even after a determiner.
NOT_ORG_ACRONYMS = {"CEO", "MOA", "PDF", "TV", "PR", "ID", "FAQ", "CO2", "GPS", "SMS", "USB", "WLAN", "DDR", "BRD",
                    "NS", "II", "III", "IV", "USSR"}  # fmt: skip
# News agencies that sign in lower case in a dateline ("Berlin (dpa) -").
NEWS_AGENCY_SIGILS = {"dpa", "epd", "kna", "sid", "apa", "sda", "ap", "afp"}
# Places where things happen are not organizations.
VENUE_WORDS = ("rathaus", "town hall", "barracks", "halle", "hall", "kaserne", "torhaus", "park", "platz", "stadion")
SPORTS_CLUB_MARKERS = ("United", "FC", "BVB", "Borussia", "SV", "VfL", "Athletic", "Rovers", "Wanderers")
PARTY_ABBREVIATIONS = {"SPD", "CDU", "CSU", "FDP", "AfD", "Grüne", "Linke", "BSW", "Labour", "Tory", "Conservative"}
