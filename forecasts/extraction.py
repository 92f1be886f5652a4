"""Candidate forecasts from a news article, found by rules a reader can check.

``extract_forecasts(text, published=…)`` reads an article and proposes forecasts for a
person to review: who said it, the sentence, the hedge and its probability on the
verbal scale, the time phrase and its window, a place named as a venue, and a
suggested question. Nothing here touches the record; a proposal is only a proposal.

The rules are for English news prose. How an article is read, step by step (each step
is a small table or function below):

1. **Lines.** Each non-empty line is a paragraph. A line that does not end like a
   sentence (``.``, ``!``, ``?``, ``:``, possibly followed by a closing quote) is a
   heading, photo credit or menu item and is skipped; so are bullet lines. Reading stops
   at page furniture such as "Similar news", "Latest news" or "Original: URL" (the URL
   still names the outlet, see 5).
2. **Sentences** split after ``.!?`` (and closing quotes) before a capital, a digit or an
   opening quote, except after abbreviations ("U.S.", "Mr.", initials). A candidate's
   ``quote`` is always one whole sentence, verbatim. Clauses split further only at
   ``;``, at ", with / but / while / whereas" and at ", and he/she/they/the …", so that "X plans to meet next week,
   with the possibility of talks with Y" yields two claims.
3. **Time phrases** come from one regular expression assembled from the forms that
   ``forecasts.windows.parse_window_phrase`` accepts (seasons, months and month ranges,
   days, quarters, halves, the end of the year, this/next week, the coming days, within
   N weeks, soon), each read by that function against ``published``. Month names must be
   capitalised (so "may" stays a verb). A phrase after "rather than", one that is bare
   "fall"/"spring" without "the/in/by/…" or a year, and a window wholly in the past are
   ignored. A season or month named without a year that is more than half over on the
   publication day is read as the next one ("in the fall" said on 15 November 2024 is
   fall 2025; parse_window_phrase alone would say fall 2024), and ``reasons`` says so.
   Spans counted from the publication day are read here (``SPAN_FORMS``, ``_span_window``):
   "within the next year" (12 months, not next calendar year), "in five years", "over
   the next couple of years / the next decade", "in the coming year", "between now and
   2028", "until 2027", "this year, or any of the next four", "throughout 2026", "the
   first six months of this year"; a range of counts ends at its high end ("within the
   next 5 to 10 years", "for another one to three years", "another 3-5 years", "for up
   to five more years", "in two to three years"), "between 2030 and 2035", "this decade"
   (to its ninth year), "next decade" (the ten years after), "for the rest of the year",
   "over the course of 2026", "by Christmas", "in the new year", "by the year 2035", "for
   2023". "late 2025", "mid-2026",
   "early 2027", "early next year", "the first quarter of next year", "H2 2026" are parts
   of a year (see parse_window_phrase); "by the end of June", "as early as 2026", "no later
   than 2028" are read whole, and a phrase parse_window_phrase cannot read whole falls
   back to its core ("from around June": June); a month name followed by "'s" ("Theresa
   May's") is a name. A
   day without a year up to half a year before
   publication ("surveyed on March 3") is that past day, not next year's.
   When a clause has several, the most specific wins: calendar spans, then relative
   ones (next week), then vague ones (soon, the coming days); with several stated
   numbers in a clause, each number takes the time phrases nearest to it.
4. **Hedges** are the verbal scale's phrases and their variants (``VARIANTS``, "very"/
   "highly"), plus "possibility" read as "possible" and a contracted will ("we'll") read
   as "will", matched longest first on word boundaries, outside time phrases. Guards skip "May" the month (capitalised "May" is
   the month unless "May I/it/God…"), "as possible", "plan" the noun (a plan word must
   be followed by "to" and not follow "the"/"his"/"…'s"), "hinted at the possibility",
   "certain" as in "a certain", "no doubt", "remote" not said of a chance, a modal that
   reads the present ("this may indicate"), any hedge right after "not"/"never" ("not
   sure") or right before one ("certainly doesn't look"), after "nothing"/"no"
   ("nothing is certain"), in a comparison ("less likely than many think"), or after
   "have/has/had" ("forecasters have certainly noticed", "had expected"; "have
   predicted" still reports). A hedge after "if"/"unless" in its sentence, or a bare
   modal before one, is conditional commentary; a hedge followed by a perfect ("likely
   the new rules have slowed hiring") speaks of the past; a question ("Will prices fall
   before the summer?") asks: none of them is a forecast. A negated expectation ("did not
   expect", "don't think", "sees no") is the forecast that it will not happen, read as "probably
   not"; news idioms ("coin flip", "long shot", "near certainty", "poised to", "is
   projected to", "are set to", "price target", "base case", "safe bet", "odds are against")
   are ``VARIANTS`` of the scale phrase nearest in meaning; "forecast" is one only as a verb
   after a name or pronoun ("Acme Bank forecast growth of 2%", not "a dire forecast for");
   "should" is "likely", except as a condition ("Should the prediction come true",
   "more cuts should the trajectory be maintained") or "should have". "If, as we expect,
   …" states an expectation inside a condition: a forecast.
   **Numbers** (``forecasts.odds``: "a 35 percent chance", "a '20 or 30 per cent chance'"
   (its middle), "puts the probability … at 45%", "one in five", "even odds", "two-thirds likely", "3-to-1 against", "8/11") take
   precedence over every verbal hedge of their clause (rank 4; the phrase is the number
   as written and ``scale_version`` is None); each number of a clause is a candidate of
   its own; a number said of the past ("in 2016 … gave Clinton a 98.1% chance", "up
   from 15 percent") is none.
   Ranks: a specific phrase ("unlikely", "expects to", "did not rule out") 3; a bare
   modal verb (may, might, could, will) 2; "possibility" and a reporting verb followed
   by "that" ("anticipates that the meeting may…": the ``may`` is the forecast) 1. The
   clause's best-ranked hedge, first in the sentence on a tie, is the candidate's; the
   others are listed in ``reasons``. "will"/"will not" alone are narration, not
   forecasts: they make a candidate only with a time phrase or a venue, or in a named
   person's words: quoted "X will win" or "I think … will", reported "NAME said … will".
5. **Speakers**, in order of trust:
   - *named in the sentence*: ``NAME [, apposition,] [also|further|has…] VERB`` for
     the reporting verbs in ``REPORTING_VERBS`` ("said", "believes", "anticipates",
     "predicts", "suggested", "claimed", "noted", "estimates", "reported", "told", …),
     "VERB NAME" at the end ("…, said Stankovich."), and "according to NAME" (also "according
     to TITLE, NAME" and "issued/made by TITLE, NAME": the name). A person
     beats an outlet ("according to Sergey Markov" over "Orda.kz reports"); the leftmost
     wins among equals, except that a claim goes to the person named nearest before it
   ("When Biden said …, Summers disagreed, saying that a recession was almost
   inevitable"). Also "…,\" said NAME, an economist at X." and "said TITLE NAME",
   capitalised appositions ("Tryl, UK director of X, said"), "NAME, who expects",
   "according to a review by X" / "X's forecast", "a model from X", "experts such as
   NAME have predicted", "VERB TITLE NAME" with more verbs ("…, warns Senator Jane Roe",
   "predicted Jane Roe, …, in a research note", "said Bank of America Merrill Lynch (BofA-ML)
   in a note"), "in the view of NAME", "In NAME's view", "For NAME,", "In her view", "Her
   forecast:", "Speaking to …, NAME", a transcript's "JANE ROE:", several appositions
   before the verb, a participle after a comma ("X struck a dovish tone, signaling that")
   is the sentence subject's, "X and Y, economists at Z" is X, and a firm that "raised its
   odds" when nobody else is named. An opinion piece's first-person claims ("I expect")
   outside quotation marks are its author's (a "By NAME" byline or a closing "NAME is
   chief economist at …"). "many analysts predict" is nobody named. "I", "we", "As", "Analysts" are nobody's name; a sentence whose
   speakers are an unnamed group ("Economists surveyed … said") is the outlet's. Titles are stripped ("Russian presidential aide Yuri Ushakov" ->
     "Yuri Ushakov", "Secretary of State Marco Rubio" -> "Marco Rubio"); a surname alone
     ("Ms Stanovaya", "President Putin") becomes the full name that appeared earlier in
     the article, or later, or in its headline. Full names keep middle initials, particles
     and suffixes ("Jerome H. Powell", "Ursula von der Leyen", "Eli M. Remolona Jr."); an
     office named with "of" goes before the name ("Minister of Finance Jane Roe",
     "Governor of the Central Bank John Doe"); "Barcelona-based" is no part of a name.
     "Jan Hatzius at Goldman Sachs said" and "Jane Roe's team expects" are the person's; a
     second name after a semicolon speaks for its own clause. "…, where buyers are under
     less pressure, says Savills." is Savills': a name after the verb beats one found
     before it by skipping asides, and an aside never reaches into a quotation. "The
     forecast, if it comes to pass, will …" has no speaker "The". "the latest Deloitte
     report, which estimates" is Deloitte's; "The research notes", "The estate agency
     expects" are the last organisation's. 'NAME, …, has faith in Obamacare: "I think it
     will …"' is NAME's quotation, and so is 'Says NAME: "…"'. "Per NAME," is "according to
     NAME"; "NAME's view is that" is a view; "went on to say", "is predicting", "pencilled
     in" report; a passive's agent speaks ("is forecast by the central bank to": the
     organisation named before, else "The central bank"). Organisations and outlets keep their article ("The Kremlin", "The New
     York Times"). Anonymous sources keep their words ("Russian sources", "U.S.
     sources").
   - *pronoun or anaphora*: "he/she VERB" -> the last named person, "they VERB" -> the last
     named speaker, "The expert VERB" -> the last person, "the publication/newspaper" ->
     the last outlet, "It/the agency/the bank/the model VERB" -> the last organisation.
   - *continued*: a sentence with no speaker continues the speaker of the previous
     sentence of its paragraph ("He further explained … For instance, Russia and Ukraine
     might agree …"), and a paragraph that follows one ending in ":" (a block quote) or
     that opens with a quotation mark continues the previous paragraph's speaker; so does
     a paragraph right after an organisation's, or one that refers back ("that meeting",
     "they", "it") to a person's.
   - *described, named later*: "…, a former Nato chief has warned", "according to an
     industry expert", "a group of economists has said", "according to a forecast released
     Thursday", "A pollster has said": the next few sentences' named speaker, else the
     first person named there ("the now-retired US general who led the 2003 invasion said"
     then "General Tommy Franks said …"; office holders are passed over for an expert's description,
     possessives and "the X for Y" too), else the maker of a poll or survey named there;
     "the X" with a person named before is that person. "An AAP survey of 15 economists"
     is nobody. "Both are agreed …": the first of the two people in the sentence before.
     "The economist" with nobody named before is the person a sentence just introduced in
     those words; "the firms" is the last organisation; a description nobody is named for
     ("A senior Arab diplomat tells …", "…, a new report forecasts") is its own speaker.
   - *quotations*: a quotation of several sentences is the speaker's named where it
     closes ("… at 45%. It is good …," Zandi said).
   - *firms and people*: "Jane Roe of Acme Bank", "Acme Bank's Jane Roe", "Chicago Federal
     Reserve Bank President Charles Evans" are the person; "Goldman Sachs economists see",
     "…, Acme Bank economists said", "In a Wall Street Journal survey, economists …" are
     the firm; an organisation inside an apposition gives way to the person before it
     ("Greg Craven, professor of law, … at the Australian Catholic University told").
     "His forecasts come …" has no speaker; "Roe, 54, said"; "Evans on Thursday said".
   - *headings*: a headline "Powell: …" is the lead speaker (bullet lines that are
     sentences are read); a heading naming a person ("Jay Bryson, chief economist at
     Wells Fargo bank") is the fallback speaker of the paragraphs under it (not a byline).
     A "he"/"she" with no speaker before is the person the last sentences open with.
   - *lead source*: when the article's first paragraph relays another outlet ("The
     Moscow Times reports that …"), unattributed sentences are that outlet's.
   - *bullets and bookmakers*: a bullet point with no speaker continues the speaker named
     in the bullet right before it; a bookmaker's price ("at 7/4", "to 5/1 after") said by
     nobody is the bookmaker the article names (``BOOKMAKERS``), unless that is the outlet.
   - *the last speaker*: a sentence nobody above claims, after a person or organisation
     has been named as a speaker, is the last one named ("FiveThirtyEight further found …"
     then "The Senate splitting evenly has a 10.6% likelihood."), except a bookmaker's
     price. Measured on batches 6 and 7 with the extractor as it was before their rules
     (fresh articles), this took right-speaker recall from 0.37 to 0.46 and 0.36 to 0.43;
     labels that name the outlet itself are about one in twenty.
   - *the article*: the publishing outlet (``outlet=``, else guessed from an
     "Original: URL" line), or "the article (outlet not named)", for what comes before
     anyone is named.
   An outlet whose report, in the same paragraph, rests on anonymous people ("relying
   on current and former Russian officials", "citing sources") is replaced by them:
   "Current and former Russian officials via The Moscow Times".
6. **Venues**: in a sentence about a place (location, venue, host, held in, take place,
   meet in, city), a place from the small table ``PLACES`` named on its own (not as a
   modifier, as in "APA's Moscow correspondent"), or any capitalised name after "held
   in", "take place in", "meet in" or "summit in". A venue makes a ``choice`` candidate
   per place. A sentence that names venues as possible locations without any hedge,
   with its speaker named in it ("Markov highlighted that Baku, along with Istanbul and
   Dubai, is considered a preferable location"), gets "possible" assumed, and says so.
7. **Questions**: a clause with a window suggests a ``date`` question, one with a venue
   a ``choice`` question ("…-venue"), anything else a ``binary`` one, always from the
   clause's own words (no table of topics): the reported claim without its speaker,
   "that", bare modal and time phrases ("When will this happen: “the meeting occur”?",
   slug ``meeting-occur``); an article's places are the options of its first choice
   question. The reviewer rewords it; ``import`` creates it.
8. **Duplicates**: the same expert with the same window, or the same venue, is one
   candidate (the most confident; ``reasons`` says how many sentences repeat it).
   Binary candidates are never merged: their claims differ in words only.

**Confidence** = speaker × hedge × target, rounded to two decimals, each factor from a
fixed table (``SPEAKER_TRUST``, ``HEDGE_STRENGTH``, ``TARGET_CLARITY``):

- speaker: named in the sentence 0.9 (never 1: a rule can still pick the wrong name);
  pronoun or anaphora 0.7; continued from the previous sentence or a block quote 0.5;
  the article's lead source 0.4; the last speaker named 0.3; the article or its outlet 0.25;
- hedge: specific phrase 1.0; bare modal verb 0.6; "possibility" or a reporting verb
  0.5; assumed (no hedge at all, venue only) 0.4;
- target: a window read from a time phrase, or a venue, 1.0; neither (binary, deadline
  left to the user) 0.7; a time phrase that could not be read 0.6.

So "Markov anticipates that the meeting may occur in the spring" is 0.9 × 0.6 × 1.0 =
0.54, and an unattributed "This meeting could take place as early as next week." is
0.25 × 0.6 × 1.0 = 0.15. The numbers rank proposals for review; they are not
probabilities that a proposal is right. ``reasons`` spells out every factor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlparse

from trackrecord.forecasts.errors import InvalidInput
from trackrecord.forecasts.names import slugify
from trackrecord.forecasts.odds import stated_odds
from trackrecord.forecasts.parsing import Window
from trackrecord.forecasts.verbal import VARIANTS, VerbalScale, default_scale, normalize_phrase
from trackrecord.forecasts.windows import _add_months, parse_window_phrase

SPEAKER_TRUST = {"named": 0.9, "pronoun": 0.7, "continued": 0.5, "lead": 0.4, "recent": 0.3, "article": 0.25}
HEDGE_STRENGTH = {4: 1.0, 3: 1.0, 2: 0.6, 1: 0.5, 0: 0.4}  # by hedge rank; 4 = a stated number, 0 = assumed
TARGET_CLARITY = {"window": 1.0, "venue": 1.0, "none": 0.7, "unread": 0.6}


@dataclass(frozen=True)
class SuggestedQuestion:
    kind: str  # "date" | "choice" | "binary"
    slug: str
    title: str


@dataclass(frozen=True)
class Candidate:
    """One proposed forecast, with what was found and what was not."""

    expert: str
    quote: str  # one whole sentence of the article, verbatim
    phrase: str  # the hedge words as written
    probability: float
    scale_version: str | None  # None when the text states the probability as a number
    time_phrase: str | None
    window: str | None  # "FROM..TO" or "..TO"
    option: str | None  # a place named as where it could happen
    suggested_question: SuggestedQuestion
    made_on: dt.date
    confidence: float
    reasons: tuple[str, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- tables

#: Lines from which the rest of the page is furniture, not the article.
END_MARKERS = ("similar news", "latest news", "related news", "related articles", "read also", "read more",
               "more on this", "original:", "statement:", "source:")

ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "st.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.", "jr.", "sr.",
                 "prof.", "vs.", "e.g.", "i.e.", "no.", "approx."}

#: Verbs that report what someone said or thinks; the name before them is the speaker.
REPORTING_VERBS = (
    "said", "says", "say", "told", "tells", "believes", "believe", "believed", "thinks", "think", "anticipates",
    "anticipated", "predicts", "predicted", "suggested", "suggests", "suggest", "claimed", "claims", "noted",
    "notes", "estimates", "estimated", "argued", "argues", "wrote", "writes", "stated", "states", "added",
    "explained", "emphasized", "emphasised", "pointed out", "highlighted", "concluded", "warned", "reported",
    "reports", "insisted", "insists", "confirmed", "announced", "clarified", "indicated", "underscored",
    "stressed", "offered", "hinted", "hints", "expects", "expected", "did not rule out", "does not rule out", "has not ruled out",
    "acknowledged", "continued", "cautioned", "warns", "saying", "found", "finds", "shows", "showed", "puts", "put", "pegged", "pegs", "sees", "forecasts",
    "projects", "predict", "expect", "estimate", "anticipate", "acknowledges", "forecast", "conceded", "concedes",
    "predicting", "posted", "tweeted", "is confident", "is convinced", "is optimistic", "is hopeful", "was confident",
    "was convinced", "was optimistic", "were confident", "are confident", "expressed confidence", "asserted", "asserts",
    "is pessimistic", "remains confident", "is sure", "reckons", "reckoned", "bets", "is betting", "projected",
    "speculated", "speculates", "mentioned", "mentions", "remarked", "opined", "foresees", "foresaw", "envisions",
    "signaling", "signalling", "signaled", "signalled", "signals", "is skeptical", "is sceptical", "is doubtful",
    "gives", "gave", "assigns", "assigned", "went on to say", "goes on to say", "is predicting", "are predicting",
    "was predicting", "is forecasting", "are forecasting", "is projecting", "pencilled in", "penciled in",
)
#: "Goldman Sachs raised its odds of a recession to 35%": a firm that revises its own forecast states it, when
#: nobody else is named ("…, according to a report by the department's Energy Information Administration" names who).
_REVISING = (r"(?<![\w-])(?:raised|raises|lifted|lifts|increased|increases|boosted|boosts|cut|cuts|lowered|lowers|trimmed|"
             r"trims|reduced|reduces|revised|revises|upgraded|downgraded|maintained|maintains|kept|keeps|reaffirmed|"
             r"reaffirms|reiterated|reiterates|affirmed|affirms|narrowed|narrows|issued|issues)")
_REVISES = re.compile(
    _REVISING + r"(?=\s+(?:its|their|his|her|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:odds|probability|chances?|forecasts?|estimates?|projections?|outlook|expectations?|targets?|guidance)\b)")
#: Bookmakers by name: a price ("Liverpool remain the favourites at 7/4") in a sentence with no speaker is the
#: price of the bookmaker the article names ("bookies Ladbrokes now pricing FOUR clubs at 5/1 or shorter").
BOOKMAKERS = ("Ladbrokes", "William Hill", "Paddy Power", "Betfair", "Bet365", "Coral", "Sky Bet", "SkyBet", "Betway",
              "Unibet", "Betfred", "BetVictor", "BoyleSports", "Boylesports", "DraftKings", "FanDuel", "BetMGM",
              "Sportsbet", "Smarkets", "Betdaq", "Star Sports")
_BOOKMAKER_NAME = re.compile(r"(?<![\w-])(?:" + "|".join(BOOKMAKERS) + r")(?![\w-])", re.IGNORECASE)
_PRICE = re.compile(r"(?<![\w/.])\d+/\d+(?![\w/])")
#: Words allowed between a speaker and the verb ("Markov also predicts", "The US has suggested").
SPEAKER_FILLERS = {"also", "further", "again", "previously", "earlier", "later", "then", "repeatedly", "has", "had",
                   "have", "clearly", "reportedly", "recently", "once", "now", "only", "publicly", "has also"}
PRONOUNS = {"he", "she", "they"}
#: "The expert said": the noun refers back to the last speaker of its kind.
ANAPHORA = {"expert": "person", "analyst": "person", "scientist": "person", "aide": "person", "official": "person",
            "diplomat": "person", "lawmaker": "person", "minister": "person", "spokesperson": "person",
            "spokesman": "person", "politician": "person", "economist": "person", "publication": "outlet",
            "newspaper": "outlet", "outlet": "outlet", "paper": "outlet", "website": "outlet", "agency": "group",
            "bank": "group", "department": "group", "firm": "group", "consultancy": "group", "company": "group",
            "organisation": "group", "organization": "group", "model": "group", "group": "group", "report": "group",
            "research": "group", "study": "group", "analysis": "group", "survey": "group", "miner": "group",
            "lender": "group", "insurer": "group", "airline": "group", "carrier": "group", "retailer": "group",
            "automaker": "group", "carmaker": "group", "producer": "group", "manufacturer": "group", "exporter": "group",
            "institute": "group", "it": "group", "ceo": "person", "boss": "person", "founder": "person",
            "billionaire": "person", "governor": "person", "chairman": "person", "president": "person",
            "professor": "person", "strategist": "person", "forecaster": "person", "researcher": "person"}
#: Nouns that make anonymous speakers ("Russian sources", "current and former Russian officials").
ANONYMOUS = {"sources", "officials", "diplomats", "insiders", "people"}
ANONYMOUS_MODIFIERS = {"current", "former", "senior", "unnamed", "anonymous", "western", "informed", "and", "two",
                       "three", "several", "some", "government", "military", "intelligence", "kremlin", "diplomatic"}

#: Words stripped from the front of a person's name.
TITLES = {
    "president", "presidential", "secretary", "state", "minister", "foreign", "defence", "defense", "senior",
    "senator", "prime", "deputy", "chief", "director", "head", "ambassador", "envoy", "special", "spokesperson",
    "spokesman", "aide", "expert", "analyst", "lawmaker", "general", "professor", "dr", "dr.", "mr", "mr.", "mrs",
    "mrs.", "ms", "ms.", "miss", "sir", "political", "scientist", "historian", "former", "newly-elected", "of",
    "the", "and", "russian", "ukrainian", "american", "british", "turkish", "us", "u.s.", "uk", "kremlin",
    "commentator", "journalist", "host", "leader", "sergeant", "colonel", "admiral", "chairman", "chair",
    "secretary-general", "vice", "acting", "elect", "retired", "economist", "strategist", "pollster",
    "psephologist", "guru", "researcher", "adviser", "advisor", "founder", "ceo", "cfo", "executive", "managing",
    "partner", "lecturer", "fellow", "associate", "senior", "principal", "global", "lead", "co-director", "prof",
    "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "maj.", "capt.", "cllr", "mp", "mep", "rev.", "hon.",
    "governor", "commissioner", "mayor", "chancellor", "treasurer", "premier", "congressman", "congresswoman",
    "councillor", "representative", "officer", "retd", "retd.", "(retd)", "(retd.)",
    "cardinal", "chairwoman", "chairperson", "sheikh", "prince", "princess", "crown", "king", "queen", "emeritus",
    "manager", "portfolio", "investment", "research", "attorney", "solicitor", "auditor", "inspector", "vice-chair",
    "vice-chairman", "vice-chairwoman", "vice-president", "director-general", "president-elect", "attorney-general",
    "solicitor-general", "governor-general", "deputy-governor", "co-founder", "co-chair", "vice-chancellor",
    "author", "co-author", "lead-author",
}
NATIONALITIES = {"russian", "ukrainian", "american", "british", "turkish", "chinese", "european", "western",
                 "french", "german", "azerbaijani", "kazakh", "saudi", "emirati"}
OUTLET_WORDS = {"times", "post", "news", "agency", "journal", "insider", "press", "herald", "guardian", "telegraph",
                "reuters", "bloomberg", "tass", "ria", "interfax", "axios", "politico", "cnn", "bbc", "kommersant",
                "vedomosti", "izvestia", "gazette", "tribune", "daily", "wire", "apa", "ap", "afp", "nbc", "cbs",
                "abc", "fox", "sky", "euronews", "al jazeera"}
ORGANISATION_WORDS = {"kremlin", "house", "department", "ministry", "institute", "committee", "council",
                      "government", "administration", "office", "center", "centre", "duma", "parliament",
                      "congress", "senate", "pentagon", "commission", "union", "nato", "un", "eu", "us", "u.s.",
                      "uk", "isw", "bank", "fund", "organisation", "organization", "russia", "ukraine", "moscow",
                      "washington", "kyiv", "china", "states", "side", "association", "university", "college",
                      "society", "federation", "foundation"}
#: "The model gives Biden …": a sentence led by a model, survey or report speaks for the last organisation named.
_WORK_SUBJECT = re.compile(r"\W*(?:The|This|Its|Their|That)\s+(?:[\w-]+\s+)?(?:model|forecast|survey|poll|report|"
                           r"assessment|analysis|study|projections?|update|review)\b")
#: A sentence whose speakers are a group nobody names ("Analysts expect", "Economists surveyed … said").
_GENERIC_SUBJECT = re.compile(r"\W*(?:[A-Z][\w-]*\s+)?(?:analysts|economists|experts|scientists|strategists|forecasters|"
                              r"observers|investors|traders|markets|pollsters|commentators)\b", re.IGNORECASE)
#: "Goldman Sachs economists see …": a firm's analysts, economists or strategists speak for the firm.
_STAFF_OF = re.compile(r"\W*(?P<org>[A-Z][\w.&’'-]*(?:\s+(?:&\s+)?[A-Z][\w.&’'-]*){0,3})\s+(?:analysts|economists|"
                       r"strategists|researchers|forecasters|team)\b")
_STAFF = {"analysts", "economists", "strategists", "researchers", "forecasters"}
_NOT_STAFF = {"some", "many", "most", "other", "several", "leading", "top", "the", "these", "those", "wall", "private",
              "global", "international", "foreign", "local", "mainstream", "veteran", "prominent", "outside", "academic",
              "independent", "senior", "bank", "market", "city", "few", "all", "both", "two", "three", "but", "and",
              "yet", "so", "meanwhile", "however", "still"} | NATIONALITIES
#: "Powell: We have made no decisions …": a transcript's or live blog's speaker before a colon.
_COLON_SPEAKER = re.compile(r"(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,2}):\s+\S")
#: 'NAME[, apposition,] has faith in Obamacare: "I think …"': the sentence's subject introduces the quotation.
_INTRODUCES_QUOTE = re.compile(r"\W*(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,2})(?:,[^:\"“”]*,)?[^:\"“”,]*:\s*[\"“]")
_NOT_COLON_SPEAKERS = {"note", "update", "source", "sources", "photo", "image", "credit", "read", "watch", "related",
                       "disclaimer", "warning", "breaking", "analysis", "opinion", "exclusive", "summary", "background",
                       "context", "editor", "editors", "q", "a", "key", "bottom", "the", "this", "here", "why", "what"}
#: "…, the minister warned, Roe said.": a relayed forecast, the inner speaker's.
_RELAYED = re.compile(r",\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}\s+(?:warned|said|predicted|forecast|told\s+\w+)"
                      r",\s+(?P<outer>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}\s+(?:said|says|added|told\s+\w+))"
                      r"[.!?\"”’]*$")
CONNECTORS = {"of", "the", "for", "and", "de", "von", "van", "al", "bin", "ng", "da", "di", "del", "la", "der", "den",
              "dos", "das", "du", "ibn", "ter"}
#: Inside a person's name, between capitalised words: "Luiz Inácio Lula da Silva", "Ursula von der Leyen".
PARTICLES = CONNECTORS - {"of", "the", "for", "and"}
#: An aside after a name that is no name: a degree ("Jane Roe, Ph.D., said"), a US lawmaker's party and state
#: ("Sen. Jane Roe, D-Mass., said").
_TAG = re.compile(r"Ph\.?\s?D\.?|M\.?D\.?|CFA|MBA|[DRI]-[A-Z][\w.]*")
#: After a person's name: "Eli M. Remolona Jr.".
SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}
_PARTICLE = r"(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")\s+"
#: "…, said Stankovich.": the verb before the name, at the end of the sentence.
_INVERTING = (r"(?:said|says|wrote|writes|added|adds|noted|notes|told|warned|warns|explained|explains|continued|"
              r"cautioned|cautions|predicted|predicts|argued|argues|insisted|insists|reckons|stressed|stresses|"
              r"observed|observes|concluded|concludes|forecast|forecasts|projected|projects|believes|thinks)")
_INVERTED = re.compile(rf"\b{_INVERTING}\s+(?P<name>[A-Z][\w.’'-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+|(?:{_PARTICLE}){{1,2}})?[A-Z][\w.’'-]*){{0,5}})"
                       r"(?:\s*\([A-Z][\w.&-]*\))?"  # "said Bank of America Merrill Lynch (BofA-ML) in a research note."
                       r"(?:\s+(?:on|in|at|during|to|from)\s+(?:[\w’'-]+\s+){0,4}[\w’'-]+)?[.!?\"”’]*$")  # "…, warns Jane Roe on Monday."
_WORK = r"(?:models?|forecasts?|assessments?|survey|poll|reports?|review|study|analysis|projections?|outlooks?|update)"
_WORK_BY = re.compile(
    rf"\b{_WORK}\s+(?:from|by)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}?[\"“]?(?P<who>[A-Z][\w.&’'-]*(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w.&’'-]*)*)"
    rf"|(?P<who_s>[A-Z][\w.&-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w.&-]*)*)[’']s\s+(?:[\w-]+\s+){{0,3}}?{_WORK}\b")
#: The same, with an apposition after the name or a job title before it.
_INVERTED_TITLED = re.compile(
    rf"(?:[,\"”’]\s*|^){_INVERTING}\s+"
    r"(?P<who>(?:(?:[a-z][\w-]*|[A-Z][\w.&’'-]*)\s+){0,6}?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})"
    r"(?:,\s+[^\"“”]*|\s+(?:in|on|at|during|to)\s+(?:[\w’'-]+\s+){0,4}[\w’'-]+)?[.!?\"”’]*$")
#: Whose view a sentence states without a reporting verb: "in the view of Jane Roe", "in Roe's view", "For Jane
#: Roe, the bill will pass", "In her view", "Her forecast: …".
_NAME = r"[A-Z][\w.’'-]+(?:\s+(?:of\s+|the\s+)?[A-Z][\w.’'-]+){0,4}"
_VIEW = r"(?:view|opinion|estimation|judge?ment|reckoning|eyes|telling|words)"
_VIEW_OF = re.compile(rf"\b[Ii]n\s+(?:the\s+)?{_VIEW}\s+of\s+(?P<of>{_NAME})"
                      rf"|\b[Ii]n\s+(?P<owner>{_NAME})[’']s\s+(?:own\s+)?{_VIEW}\b"
                      rf"|^\W*(?P<whose>{_NAME})[’']s\s+(?:own\s+)?(?:view|expectation|prediction|bet|guess|hunch)\s+is\b"
                      rf"|^\W*(?:[Ff]or|[Tt]o)\s+(?P<for>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){{0,2}}),")
_PRONOUN_VIEW = re.compile(rf"\b[Ii]n\s+(?P<in>his|her|their)\s+(?:own\s+)?{_VIEW}\b"
                           r"|^\W*(?P<lead>His|Her|Their)\s+(?:own\s+|latest\s+|new\s+)?(?:forecast|prediction|view|"
                           r"expectation|bet|guess|estimate|team|call|base\s+case|outlook|projection|model)s?\b")
_PRONOUN_OF = {"his": "he", "him": "he", "her": "she", "their": "they", "them": "they"}  # -> the subject pronoun
#: An opinion piece's author: a byline ("By Jane Roe") or a closing line ("Jane Roe is chief economist at …").
_FULL_NAME = r"[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,2}"  # "Jane Roe", "Eli M. Remolona"
_BYLINE = re.compile(rf"[Bb]y\s+(?P<name>{_FULL_NAME})\s*(?:$|[,|(])")
_AUTHOR_BIO = re.compile(rf"(?P<name>{_FULL_NAME})\s+(?:is|was)\s+(?:an?\s+|the\s+)?"
                         r"(?:former\s+|senior\s+|chief\s+|co-)?(?:[\w-]+\s+){0,2}?(?:economist|professor|director|"
                         r"fellow|editor|columnist|strategist|analyst|founder|head|author|president|partner|researcher|"
                         r"lecturer|chair|adviser|advisor|writer|contributor|commentator|minister|officer)\b")
_FIRST_PERSON = re.compile(r"(?<![\w’'])(?:I|I[’']m|I[’']d|I[’']ve|I[’']ll|[Mm]y)(?![\w’'])")
#: Role nouns that describe a speaker named elsewhere: "a former Nato chief has warned", "according to an
#: industry expert", "according to the bank's chair".
ROLES = ("chief", "general", "expert", "economist", "analyst", "scientist", "strategist", "professor", "chair",
         "chairman", "chairwoman", "governor", "official", "executive", "magnate", "forecaster", "pollster",
         "psephologist", "commentator", "researcher", "adviser", "advisor", "banker", "investor", "commander",
         "diplomat", "insider", "firm", "brokerage", "consultancy", "lender")
#: Roles of organisations: "the firms expected …" is the firm named last, "a global brokerage firm" one named next.
_GROUP_ROLES = {"firm", "brokerage", "consultancy", "lender"}
_DESCRIBED = re.compile(r"(?:^|(?<=[\s,(]))(?P<det>[Aa]n?|[Oo]ne|[Tt]he)\s+(?:[\w’'-]+\s+){0,6}?(?P<role>"
                        + "|".join(ROLES) + r")s?(?:\s+(?:in|at|from|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?"
                        r"(?:\s+who\s+(?:[\w’'-]+\s+){0,6}?[\w’'-]+)?$")  # "the general who led the 2003 invasion said"
#: "according to the bank's chief economist, Jane Roe", "issued by the UK's Armed Forces Minister, James Heappey"
_TITLE_THEN_NAME = re.compile(
    r"\b(?:[Aa]ccording\s+to|(?:issued|made|given|voiced|sounded|delivered)\s+by)\s+(?P<title>(?:the|an?)\s+[^,;:()]{1,80}?),"
    r"\s+(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3})(?=\s*(?:[,.;:!?\"”’)]|$))")
_ROLE_TITLES = {"minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "director", "head", "ceo",
                "founder", "president", "economist", "strategist"}
#: "according to a forecast released Thursday": a work whose maker is named in a following sentence.
_DESCRIBED_WORK = re.compile(r"(?:an?|the)\s+(?:new|latest|recent)?\s*(?P<role>forecast|model|survey|poll|report|"
                             r"study|analysis|assessment|projection)\b(?!\s+(?:by|from|of)\b)")
#: "In a Wall Street Journal survey this month, economists pegged …": the survey's maker speaks.
#: "is forecast by the central bank to return to the midpoint": the passive's agent.
_PASSIVE_BY = re.compile(r"\b(?:is|are|was|were|being)\s+(?:widely\s+)?(?:forecast|expected|predicted|projected|seen|tipped)"
                         r"\s+by\s+(?P<who>(?:the\s+)?[\w.&’'-]+(?:\s+[\w.&’'-]+){0,4}?)\s+to\b")
#: "the latest Deloitte report, which estimates": the maker named before the work.
_NAMED_WORK = re.compile(r"\b(?:the|a|an)\s+(?:(?:new|latest|recent|annual|mid-year)\s+)?"
                         r"(?P<who>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})\s+(?:report|study|survey|analysis|"
                         r"forecast|outlook|model|projections?)\b")
_IN_WORK = re.compile(r"\b[Ii]n\s+(?:a|an|the|its|their)\s+(?:new\s+|latest\s+)?(?P<who>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*)"
                      r"\s+(?:survey|poll|report|forecast|study|analysis)\b")
#: Office holders, who are not "a political scientist" or "an industry expert" named after the description.
_OFFICE_TITLES = {"president", "minister", "secretary", "senator", "chancellor", "leader", "king", "queen",
                  "mayor", "governor", "speaker"}
_EXPERT_ROLES = {"expert", "economist", "analyst", "scientist", "strategist", "professor", "forecaster",
                 "pollster", "psephologist", "commentator", "researcher", "adviser", "advisor", "magnate", "investor"}
_POSSESSIVES = {"his", "her", "their", "its", "our", "my", "your"}
#: A headline that starts with the speaker: "Powell: We have made no decisions about September".
_HEADLINE_SPEAKER = re.compile(r"(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,2}):\s+\S")
_DOMAIN = re.compile(r"[\w-]+\.(?:ru|kz|uz|com|org|net|ua|az|by|info|news|io)\b", re.IGNORECASE)

#: Places that news names as venues. Extend freely; "held in X" finds places not listed.
PLACES = (
    "Abu Dhabi", "Alaska", "Anchorage", "Ankara", "Astana", "Austria", "Azerbaijan", "Baku", "Beijing", "Belarus",
    "Belgrade", "Berlin", "Brazil", "Budapest", "Cairo", "China", "Doha", "Dubai", "Egypt", "Emirates", "Finland",
    "Geneva", "Hanoi", "Helsinki", "Hungary", "India", "Istanbul", "Jeddah", "Kazakhstan", "Kyiv", "London",
    "Malta", "Minsk", "Moscow", "Muscat", "New Delhi", "New York", "Oman", "Paris", "Qatar", "Reykjavik", "Riyadh",
    "Rome", "Saudi Arabia", "Serbia", "Singapore", "St Petersburg", "St. Petersburg", "Switzerland", "Tehran",
    "Turkey", "Türkiye", "UAE", "United Arab Emirates", "Vatican", "Vienna", "Vietnam", "Warsaw", "Washington",
)
_PLACE_KEYS = {place.casefold() for place in PLACES}
_LOCATION_CUE = re.compile(
    r"\b(?:locations?|venues?|host(?:s|ed|ing)?|held\s+in|take[sn]?\s+place|taking\s+place|meet\s+in|"
    r"summit\s+in|cit(?:y|ies))\b", re.IGNORECASE)
_VENUE_AFTER = re.compile(r"\b(?:held|take\s+place|takes\s+place|meet|meeting|summit|hosted)\s+in\s+(?:the\s+)?"
                          r"(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")
#: Lowercase words that may follow a place named as itself; any other lowercase word makes it a modifier.
_AFTER_PLACE = {"is", "are", "was", "were", "be", "been", "being", "could", "may", "might", "would", "will", "can",
                "should", "has", "have", "had", "and", "or", "as", "along", "remains", "seems", "appears", "too",
                "also", "in", "on", "for", "to", "with", "rather", "instead", "among", "at"}

#: Capitalised words that open sentences or name dates, never part of a person's name.
_NOT_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "meanwhile", "however", "earlier", "later", "today", "yesterday", "still", "then", "now", "so", "but",
              "if", "when", "while", "after", "before", "since", "although", "though", "because", "regarding",
              "according", "god", "perhaps", "maybe", "instead", "furthermore", "therefore", "incidentally", "just",
              "shortly", "breaking", "well", "as", "i", "we", "it", "this", "that", "there", "here", "our", "my",
              "analysts", "economists", "experts", "scientists", "investors", "markets", "traders", "forecasters",
              "observers", "strategists", "commentators", "pollsters", "officials", "many", "most", "some", "others",
              "both", "neither", "each", "all"}
_STOPWORDS = {"the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "that", "this", "with", "by", "be",
              "is", "are", "was", "it", "its", "as", "at", "from", "such", "would", "will", "may", "might",
              "could", "can", "should", "not", "their", "his", "her", "also", "even", "more", "than", "which",
              "there", "these", "those", "very", "into", "about", "between", "both", "any", "some", "has", "have"}

# --------------------------------------------------------------------------- time phrases

_MONTH = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:,?\s+(?:of\s+)?(?:\d{4}|this\s+year|next\s+year))"
_PART = r"(?:(?:early|mid|late)[\s-]+|the\s+(?:beginning|start|middle)\s+of\s+)"
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
#: (kind, form): kinds rank how specific a window is; forms follow parse_window_phrase's docstring.
_SPAN_COUNT = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|"
               r"thirty|couple\s+of|few)")
_UNIT = r"(?:day|week|month|year|decade)s?"
_RANGE_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty)"
#: the low end of a range of counts, "5 to" / "3-" / "two or" in "5 to 10 years", "3-5 years", "two or three years"
_RANGE_LOW = rf"(?:{_RANGE_NUMBER}\s*(?:-|–|\s+to\s+|\s+or\s+)\s*)?"
_NUMBERED = (rf"(?:{_RANGE_LOW}(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|"
             r"twenty|thirty)\s+(?:more\s+)?(?:day|week|month|year|decade)s?|(?:couple\s+of|few)\s+(?:year|decade)s|year|decade|month|week)")
#: Spans counted from the publication day, read here (not by parse_window_phrase): kind "span". "The coming
#: days/weeks/months" stay with parse_window_phrase's vague forms.
SPAN_FORMS = (
    rf"(?:within|in|over|during|for)\s+the\s+(?:next|coming|following)\s+{_NUMBERED}",
    rf"the\s+(?:next|coming)\s+{_NUMBERED}",
    rf"within\s+{_RANGE_LOW}(?:{_SPAN_COUNT})\s+{_UNIT}",
    # "for another one to three years", "another 3-5 years", "for up to five more years", "up to four years"
    rf"(?:for\s+)?(?:another|up\s+to)\s+{_RANGE_LOW}(?:{_SPAN_COUNT})\s+(?:more\s+)?(?:year|decade)s?",
    # "in two to three years", "in a few years"
    rf"in\s+(?:a\s+)?{_RANGE_LOW}(?:{_SPAN_COUNT})\s+(?:year|decade)s?(?:\s+time)?",
    r"between\s+now\s+and\s+(?:the\s+end\s+of\s+)?(?:\d{4}|year[- ]end)",
    r"between\s+\d{4}\s+and\s+\d{4}",  # "between 2030 and 2035"
    # "in 2026 and 2027", "over 2026-2028" (after the lead words, which _TIME_LEAD takes)
    r"(?:(?<=\bin\s)|(?<=\bfor\s)|(?<=\bduring\s)|(?<=\bover\s)|(?<=\bfrom\s))"
    r"\d{4}\s*(?:-|–|\s+(?:and|to|through)\s+)\d{4}",
    rf"end-(?:\d{{4}}|{_MONTH})",  # wire copy's "by end-2026", "at end-June"
    r"(?:in\s+|by\s+)?the\s+(?:early|mid|late)[\s-]+\d{3}0s",  # "by the mid-2030s"
    rf"(?:by|before|until|next|this|coming)\s+{_WEEKDAY}|(?:this|next|coming)\s+weekend|(?<=\bby\s)the\s+weekend",
    r"(?:within\s+|in\s+|during\s+|by\s+the\s+end\s+of\s+)?(?:this|the\s+current|next)\s+decade",
    r"(?:for|over|in|during)\s+the\s+(?:rest|remainder|balance)\s+of\s+(?:the\s+year|this\s+year|\d{4})",
    r"(?:over|during)\s+the\s+course\s+of\s+(?:\d{4}|this\s+year|next\s+year)",
    r"(?:by|before)\s+Christmas|(?:in|early\s+in)\s+the\s+new\s+year",
    r"this\s+year,?\s+or\s+(?:in\s+)?(?:any\s+of\s+)?the\s+(?:next|following)\s+\w+(?:\s+years)?",
    r"(?:throughout|through|all\s+of)\s+\d{4}|(?<=\binto\s)\d{4}",
    r"(?:for\s+|in\s+|during\s+)?the\s+first\s+six\s+months\s+of\s+(?:this\s+year|next\s+year|\d{4})",
    r"by\s+the\s+end\s+of\s+the\s+decade",
    r"until\s+(?:the\s+end\s+of\s+)?\d{4}",
    r"(?:in\s+)?the\s+\d{3}0s",  # "peak in the 2080s"
    r"(?:by\s+)?the\s+end\s+of\s+(?:the|this)\s+century|(?:within|in)\s+(?:the\s+current|this)\s+century",
)
TIME_FORMS = (
    *(("span", form) for form in SPAN_FORMS),
    ("calendar", r"(?:the\s+)?end\s+of\s+(?:(?:the|this|next)\s+)?(?:year|month|quarter|week)|(?:the\s+)?end\s+of\s+\d{4}"
                 r"|year[- ]end|the\s+year\s+is\s+out"),
    ("calendar", rf"(?:between\s+)?{_MONTH}(?:\s*[-–]\s*|\s+(?:or|and|to|through|until)\s+){_MONTH}{_YEAR}?"),
    ("calendar", rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b{_YEAR}?"),
    ("calendar", rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}{_YEAR}?"),
    ("calendar", rf"{_PART}?(?:(?:this|next)\s+)?{_MONTH}{_YEAR}?"),
    ("calendar", rf"{_PART}?(?:(?:this|next|the)\s+)?{_SEASON}{_YEAR}?"),
    ("calendar", r"(?:(?:the\s+)?Q[1-4]|the\s+(?:first|second|third|fourth)\s+quarter)"
                 r"(?:\s+(?:of\s+)?(?:\d{4}|this\s+year|next\s+year))?"),
    ("calendar", r"(?:H[12]|the\s+(?:first|second|front|back)\s+half)(?:\s+of\s+(?:\d{4}|this\s+year|next\s+year|the\s+year)"
                 r"|\s+\d{4})?"),
    ("calendar", r"(?:early|mid|late)[\s-]+(?:this|next)\s+year|the\s+(?:beginning|start|middle)\s+of\s+(?:this|next)\s+year"),
    # "in 2027", "by 2030", "for 2023", "before 2028", "as early as 2026", "no later than 2028", "by the year 2035",
    # "around 2040"
    ("calendar", r"(?<=\b[Ii]n\s)\d{4}|(?<=\b[Bb]y\s)\d{4}|(?<=\b[Ff]or\s)\d{4}|(?<=\b[Bb]efore\s)\d{4}"
                 r"|(?<=\bas\s)\d{4}|(?<=\blater\sthan\s)\d{4}|(?<=\byear\s)\d{4}|(?<=\baround\s)\d{4}"),
    ("calendar", r"(?:early|mid|late)[\s-]+\d{4}"),  # "late 2025", "mid-2026", "by early 2027"
    ("calendar", r"(?<=\bto\s)end\s+\d{4}(?=\s+(?:at|with|on|near|around|below|above|in)\b)"),  # "expects … to end 2025 at 3.6%"
    ("vague", r"(?:the\s+)?(?:coming|next\s+few|next\s+several|next\s+couple\s+of)\s+(?:days|weeks|months)"),
    ("vague", r"within\s+(?:days|weeks|months)"),
    ("relative", rf"(?:within|over\s+the\s+next|in\s+the\s+next)\s+{_COUNT}\s+(?:day|week|month|year)s?"),
    ("relative", r"(?:this|next|the\s+current)\s+(?:week|month|quarter|year)|today|tomorrow"),
    ("vague", r"soon"),
)
_TIME_LEAD = (r"(?:(?:as\s+early\s+as|no\s+later\s+than|not\s+later\s+than|sometime\s+in|some\s+time\s+in|by|"
              r"before|in|during|within|at|around|(?:the\s+)?end\s+of|the\s+year)\s+)*")
_TIME_RE = re.compile(  # one named group per form, f0, f1, …, to know which matched
    rf"(?<![\w-]){_TIME_LEAD}(?:"
    + "|".join(f"(?P<f{i}>{form})" for i, (_, form) in enumerate(TIME_FORMS))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_TIME_ORDER = {"calendar": 0, "span": 0, "relative": 1, "vague": 2}
_SPAN_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20,
                 "thirty": 30, "couple of": 2, "few": 3}
_OPTATIVE_MAY = re.compile(r"May\s+(?:I|we|you|he|she|it|they|God)\b")
_BARE_SEASON = re.compile(rf"{_SEASON}", re.IGNORECASE)

# --------------------------------------------------------------------------- hedges

_MODAL_SPELLINGS = {"may", "may be", "might", "could", "could be", "will", "will not", "won't", "would", "would not",
                    "wouldn't", "should", "ought to"}
_WILL_SPELLINGS = {"will", "will not", "won't", "would", "would not", "wouldn't", "going to"}
#: Spellings that extraction reads but the scale's VARIANTS do not list: spelling -> scale phrase.
EXTRA_SPELLINGS = {"possibility": "possible", "possibilities": "possible"}
_WEAK_SPELLINGS = set(EXTRA_SPELLINGS)

#: Verbs of forecasting read as "expects" only with a time in their clause ("sees a recession next year"), and
#: never as nouns ("the projects", "his forecasts").
_VERB_HEDGES = {"forecasts", "forecast", "projects", "sees", "see", "is estimated to", "are estimated to", "foresees",
                "foresee", "envisages", "envisions", "pricing in", "believes", "thinks", "reckons", "predicting",
                "pencilled in", "penciled in"}
_REPORTING_HEDGES = {"forecasts", "forecast", "predicting", "projects", "sees", "believes", "thinks", "reckons",
                     "anticipates", "anticipate", "anticipated", "expects", "expect", "expected", "we believe",
                     "believes", "predicts", "predict", "predicted"}
_PREDICTS = {"predicts", "predict", "predicted"}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "any", "no", "peace"}
_BE = {"is", "are", "was", "were", "be", "been", "seems", "seem", "appears", "appear", "it's", "remains"}


@dataclass(frozen=True)
class _Hedge:
    start: int
    end: int
    text: str  # as written
    scale_phrase: str  # what to read on the scale
    rank: int
    probability: float | None = None  # a number the text states ("a 35% chance"): no scale reading


@dataclass(frozen=True)
class _Time:
    start: int
    end: int
    text: str  # with its lead words ("as early as in February or March")
    core: str  # without them ("February or March")
    kind: str  # a key of _TIME_ORDER


@dataclass(frozen=True)
class _Speaker:
    name: str
    how: str  # a key of SPEAKER_TRUST
    reason: str
    kind: str = "person"  # person | organisation | outlet | anonymous | article


@dataclass(frozen=True)
class _Sentence:
    start: int  # offset in the article
    end: int
    text: str
    paragraph: int


# --------------------------------------------------------------------------- entry point


def extract_forecasts(
    text: str, *, published: dt.date, scale: VerbalScale | None = None, outlet: str | None = None
) -> list[Candidate]:
    """Candidate forecasts in ``text``, in article order, made on ``published``."""
    if not isinstance(published, dt.date):
        raise InvalidInput(f"published {published!r} is not a date; give an ISO date YYYY-MM-DD")
    reader = _ArticleReader(text, published, scale or default_scale(), outlet)
    return reader.candidates()


# --------------------------------------------------------------------------- splitting


def _paragraphs(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]], str | None]:
    """(body paragraphs, all lines before the page furniture, outlet guessed from a URL line)."""
    body: list[tuple[int, str]] = []
    lines: list[tuple[int, str]] = []
    guessed = None
    offset = 0
    ended = False
    for raw in text.splitlines(keepends=True):
        start = offset + (len(raw) - len(raw.lstrip()))
        line = raw.strip()
        offset += len(raw)
        if not line:
            continue
        url = re.match(r"(?i)(?:original|source)\s*:\s*(https?://\S+)", line)
        if url and guessed is None:
            guessed = _outlet_from_url(url[1])
        if line.casefold().startswith(END_MARKERS):
            ended = True
        if ended:
            continue
        lines.append((start, line))
        bullet = re.match(r"[•\-–*·]\s+(?=[A-Z\"“‘])", line)
        if bullet and len(line.split()) >= 7:  # a bullet that is a sentence: "- The chances of a hard landing are low"
            body.append((start + bullet.end(), line[bullet.end():]))
            continue
        if line[0] in "•-–*·" or not re.search(r"[.!?:][\"”’')\]]*$", line):
            continue  # a heading, credit or bullet, not prose
        body.append((start, line))
    return body, lines, guessed


def _outlet_from_url(url: str) -> str | None:
    host = urlparse(url).hostname or ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
    if len(labels) < 2:
        return None
    name = labels[-2]
    return name if not name.isalpha() else name.capitalize()


_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(]?[A-Z0-9])")


def _sentences(paragraph_start: int, paragraph: str, index: int) -> list[_Sentence]:
    sentences = []
    begin = 0
    for match in _BOUNDARY.finditer(paragraph):
        token = paragraph[:match.start() + 1].split()[-1].lstrip("\"“‘(")
        if token.casefold() in ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)+", token):
            continue
        sentences.append((begin, match.end()))
        begin = match.end()
    sentences.append((begin, len(paragraph)))
    result = []
    for start, end in sentences:
        chunk = paragraph[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if chunk:
            offset = paragraph_start + start + lead
            result.append(_Sentence(offset, offset + len(chunk), chunk, index))
    return result


_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?=(?:with|but|while|whereas)\s)|\s+(?=(?:while|whereas)\s+(?:[A-Z]|the\s|a\s))|\s+[–—]\s+|"
    r",\s+and\s+(?=(?:the|a|an|its|their|there|this|that|he|she|they|we)\s)|"
    r",\s+(?=(?:we|I|they|he|she|it)\s+(?:might|may|could|will|would)\b)|"
    r",\s+(?=(?:probably|possibly|perhaps|likely|maybe)\s)|(?P<more>,?\s+(?:and\s+)?then\s+|,?\s+followed\s+by\s+|,?\s+and\s+(?=(?:possibly|probably|perhaps|maybe)\s)|"
    r"\s+before\s+(?=\w+ing\b)|\s+and\s+(?=(?:could|may|might|would|should)\s+[a-z]+\b)|"
    r"\s+and\s+(?=(?:remain|stay|rise|fall|return|reach|hit|cut|hike|grow|decline|drop|"
    r"recover|end|begin|start)\b))")


def _clauses(sentence: str) -> list[tuple[int, int, bool]]:
    """(start, end, continues): ``continues`` when the clause goes on with the previous one's claim
    ("two cuts this year, then a pause until 2027": the second clause keeps the first's hedge)."""
    spans, begin, continues = [], 0, False
    for match in _CLAUSE_BREAK.finditer(sentence):
        spans.append((begin, match.start(), continues))
        begin = match.end()
        continues = match["more"] is not None
    spans.append((begin, len(sentence), continues))
    return spans


# --------------------------------------------------------------------------- time phrases


def _time_phrases(sentence: str) -> list[_Time]:
    found = []
    for match in _TIME_RE.finditer(sentence):
        form = next(i for i in range(len(TIME_FORMS)) if match[f"f{i}"] is not None)
        phrase = match[0]
        core = match[f"f{form}"]
        if _BARE_SEASON.fullmatch(core) and phrase == core and not re.search(r"\d{4}", phrase):
            continue  # "talks could fall apart": a season needs "the", "in", "by" or a year
        if phrase.casefold().startswith("soon") and re.match(r"\s*as\b", sentence[match.end():]):
            continue  # "as soon as"
        if core == "May" and _OPTATIVE_MAY.match(sentence, match.start()):
            continue  # "May I…", "May it…": the verb, not the month
        if re.fullmatch(_MONTH, core) and re.match(r"[’']s\b", sentence[match.end():]):
            continue  # "Theresa May's Government": a name, not the month
        found.append(_Time(match.start(), match.end(), phrase, core, TIME_FORMS[form][0]))
    return found


def _parse_either(phrase: str, core: str, published: dt.date) -> Window:
    """The phrase's window, else its core's ("from around June": June)."""
    try:
        return parse_window_phrase(phrase, made_on=published)
    except InvalidInput:
        if core == phrase:
            raise
        return parse_window_phrase(core, made_on=published)


def _span_window(text: str, published: dt.date) -> Window | None:
    """The window of a span form (SPAN_FORMS): "within the next year" is the 12 months from ``published``,
    "between now and 2028" ends with 2028, "this year or any of the next four" is five calendar years."""
    phrase = " ".join(text.casefold().split())
    year = published.year
    if match := re.search(r"this year,? or (?:in )?(?:any of )?the (?:next|following) (\w+)", phrase):
        count = _SPAN_NUMBERS.get(match[1]) or (int(match[1]) if match[1].isdigit() else None)
        return None if count is None else Window(dt.date(year, 1, 1), dt.date(year + count, 12, 31))
    if match := re.search(r"(?:between now and|until) (?:the end of )?(\d{4}|year[- ]end)", phrase):
        end = year if not match[1].isdigit() else int(match[1])
        return Window(published, dt.date(end, 12, 31))
    if match := re.search(r"(\d{4})\s*(?:and|-|–|to|through)\s*(\d{4})", phrase):  # "between 2030 and 2035"
        return Window(dt.date(int(match[1]), 1, 1), dt.date(int(match[2]), 12, 31))
    if match := re.fullmatch(r"(?:by |at )?end-(.+)", phrase):
        return parse_window_phrase(f"by the end of {match[1]}", made_on=published)
    if match := re.search(r"the (early|mid|late)[\s-]+(\d{3}0)s", phrase):
        decade = int(match[2])
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}[match[1]]
        return Window(None if phrase.startswith("by") else dt.date(decade + first, 1, 1), dt.date(decade + last, 12, 31))
    if match := re.search(r"(?:(by|before|until|next|this|coming) (monday|tuesday|wednesday|thursday|friday|saturday|"
                          r"sunday)|(this|next|coming|the) weekend)", phrase):
        return _weekday_window(match[1] or match[3], match[2] or "weekend", published)
    if match := re.fullmatch(r"(?:within |in |during |by the end of )?(this|the current|next) decade", phrase):
        end = year - year % 10 + 9  # "this decade" ends with its ninth year; "next decade" is the ten after
        return Window(published, dt.date(end, 12, 31)) if match[1] != "next" else Window(
            dt.date(end + 1, 1, 1), dt.date(end + 10, 12, 31))
    if match := re.search(r"(?:rest|remainder|balance|course) of (?:the year|this year|next year|(\d{4}))", phrase):
        target = int(match[1]) if match[1] else year + 1 if "next year" in phrase else year
        return Window(max(published, dt.date(target, 1, 1)), dt.date(target, 12, 31))
    if "christmas" in phrase:
        christmas = dt.date(year, 12, 25)
        return Window(None, christmas if christmas >= published else dt.date(year + 1, 12, 25))
    if "new year" in phrase:
        return Window(dt.date(year + 1, 1, 1), dt.date(year + 1, 12, 31))
    if match := re.search(r"(?:throughout|through|all of) (\d{4})|^(\d{4})$", phrase):
        target = int(match[1] or match[2])
        if re.match(r"through \d", phrase) and target >= year:  # "through 2027": from now until its end
            return Window(published, dt.date(target, 12, 31))
        return Window(dt.date(target, 1, 1), dt.date(target, 12, 31))
    if match := re.search(r"first six months of (this year|next year|\d{4})", phrase):
        target = year + 1 if match[1] == "next year" else year if match[1] == "this year" else int(match[1])
        return Window(max(published, dt.date(target, 1, 1)), dt.date(target, 6, 30))
    if match := re.search(r"the (\d{3}0)s", phrase):
        return Window(dt.date(int(match[1]), 1, 1), dt.date(int(match[1]) + 9, 12, 31))
    if "century" in phrase:  # "by the end of the century", "within the current century"
        return Window(published, dt.date(year - year % 100 + 100, 12, 31))
    if "end of the decade" in phrase:
        return Window(published, dt.date(year - year % 10 + 9, 12, 31))
    phrase = phrase.replace(" more ", " ")  # "five more years"
    # a range of counts ends with its high end: "5 to 10 years", "3-5 years", "one to three years"
    phrase = re.sub(rf"{_RANGE_NUMBER}\s*(?:-|–| to | or )\s*(?={_RANGE_NUMBER}\s)", "", phrase)
    match = re.search(rf"(?:(?P<count>{_SPAN_COUNT}) )?(?P<unit>day|week|month|year|decade)s?", phrase)
    if match is None:
        return None
    count = match["count"]
    number = 1 if count is None else _SPAN_NUMBERS.get(count) or (int(count) if count.isdigit() else None)
    if number is None:
        return None
    unit = match["unit"]
    if unit == "day":
        return Window(published, published + dt.timedelta(days=number))
    if unit == "week":
        return Window(published, published + dt.timedelta(weeks=number))
    months = number * {"month": 1, "year": 12, "decade": 120}[unit]
    return Window(published, _add_months(published, months))


# --------------------------------------------------------------------------- hedges


def _weekday_window(lead: str, day: str, published: dt.date) -> Window:
    """"by Friday", "next Tuesday", "this weekend" (Friday to Sunday): the first such day on or after ``published``
    ("next": a week on when that day is still to come this week); "by" leaves the start open."""
    names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    target = names.index("friday" if day == "weekend" else day)
    ahead = (target - published.weekday()) % 7
    if lead == "next" and (ahead == 0 or (day != "weekend" and published.weekday() < target)):
        ahead += 7  # said on a Monday, "next Tuesday" is the Tuesday of next week
    first = published + dt.timedelta(days=ahead)
    if day == "weekend":
        if published.weekday() >= 5 and lead != "next":  # said on the weekend: this one
            first = published - dt.timedelta(days=published.weekday() - 4)
        last = first + dt.timedelta(days=2)
        return Window(None, last) if lead in ("the", "by") else Window(first, last)
    return Window(None, first) if lead in ("by", "before", "until") else Window(first, first)


def _hedge_table(scale: VerbalScale) -> dict[str, str]:
    """Every spelling the extractor looks for -> the text to read on ``scale``."""
    index = {normalize_phrase(entry.phrase) for entry in scale.entries}
    table: dict[str, str] = {}
    for key in index:
        table[key] = key
        if "highly " in key:
            table[key.replace("highly ", "very ")] = key
    for spelling, target in VARIANTS.items():
        if target in index:
            table[spelling] = spelling
    for spelling, target in EXTRA_SPELLINGS.items():
        if target in index:
            table[spelling] = target
    if "won't" in table:
        table["won’t"] = table["won't"]
    if "will" in table:  # "we'll be by 2026 pretty close to two per cent": a contracted "will"
        for pronoun in ("i", "we", "you", "he", "she", "it", "they"):
            table[f"{pronoun}'ll"] = table["will"]
    return table


def _spelling_pattern(spelling: str) -> str:
    return r"\s+".join(re.escape(word).replace("'", "['’]") for word in spelling.split())


def _hedge_regex(table: dict[str, str]) -> re.Pattern[str]:
    spellings = sorted(table, key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(_spelling_pattern(s) for s in spellings) + r")(?![\w-])",
                      re.IGNORECASE)


def _words_before(text: str, position: int, count: int = 2) -> list[str]:
    return [word.casefold().strip(",;:\"“”'’") for word in text[:position].split()[-count:]]


def _skip_hedge(sentence: str, start: int, end: int, written: str) -> bool:
    """Guards: words that look like hedges but are not ("May" the month, "a plan", "no doubt")."""
    key = _spelling_key(written)
    before = _words_before(sentence, start)
    previous = before[-1] if before else ""
    after = sentence[end:end + 20].casefold()
    if written == "May" and not _OPTATIVE_MAY.match(sentence, start):
        return True  # capitalised, "May" is the month
    if key == "forecast" and _forecast_is_noun(sentence[:start], written, after):
        return True
    if key in _MODAL_SPELLINGS and re.search(r"\bwhether\b[^,;:]*$", sentence[:start]):
        return True  # "too early to say whether rates will fall": a question left open, not a forecast
    if _negated(before, key):
        return True  # "do not expect", "not likely": never read as the positive; the scale's own negations
        # ("probably not", "not unlikely", "did not rule out") are matched whole and pass
    if re.match(r"\s+(?:\w+\s+)?(?:not|never)\b|\s+(?:\w+\s+)?\w+n[’']t\b", after) and key not in _MODAL_SPELLINGS:
        return True  # "certainly doesn't look close to ending", "likely won't": the claim is the negation
    if re.search(r"\b(?:nothing|no\s+one|none)\b", " ".join(before)) or previous in ("no", "nothing"):
        return True  # "nothing is certain", "nothing inevitable about a recession"
    if previous in ("less", "more", "as") and re.match(r"\s+(?:than|as)\b", after) and not re.match(r"\s+than\s+not\b", after):
        return True  # "less likely than many think": a comparison, not a probability
    if (previous in ("have", "has", "had") and (previous == "had" or key not in _REPORTING_HEDGES | _PREDICTS)) or \
            " ".join(before[-2:]) in ("have been", "has been", "had been"):
        return True  # "forecasters have certainly noticed", "had expected": the past ("have predicted" reports)
    if key in ("possible",) and previous in ("as", "if", "where", "whenever", "best", "only"):
        return True
    if key.startswith("plan") and not key.startswith("planning") and (
        not (key.endswith(" to") or re.match(r"\s+to\b", after))
        or previous in _DETERMINERS or re.search(r"[’']s$", previous)
    ):
        return True  # "plans to meet", not "the president's plan to meet" (a noun)
    if key.startswith("possibilit") and " ".join(before) in ("at the", "about the"):
        return True  # "hinted at the possibility": someone else's idea, not a forecast
    if key == "certain" and previous not in _BE | {"almost", "nearly", "not", "quite", "absolutely"}:
        return True
    if key in ("doubt", "we doubt") and previous in ("no", "without", "little", "beyond"):
        return True
    if key == "remote" and not re.match(r"\s+(?:chance|possibility|prospect)", after) and previous not in _BE:
        return True
    if key == "will" and previous in ("the", "political", "free", "good", "ill", "his", "her", "their", "own"):
        return True
    if key in _WILL_SPELLINGS and re.match(r"\s+(?:have\s+to\s+)?(?:see|wait\s+and\s+see)\s+(?:what|how|whether|if)\b",
                                          sentence[end:]):
        return True  # "we will see what happens in June": the question left open
    if key == "should" and (written[0] == "S" or re.match(
            r"\s+(?:have|the|a|an|this|that|these|those|it|they|we|he|she|there|any)\b", after)):
        return True  # "Should the prediction come true, …", "more cuts should the trajectory be maintained": a
        # condition; "should have": the past
    if key in ("would", "would not", "wouldn't") and not _REPORTED.search(sentence[:start]):
        return True  # "would" is the future only in reported speech ("said prices would rise in 2010")
    if key in _VERB_HEDGES and (previous in _DETERMINERS or re.search(r"[’']s$", previous) or previous in _POSSESSIVES
                                or previous in ("of", "for", "in", "on", "to", "new", "big", "major")):
        return True  # "the projects", "his forecasts", "Moody's forecasts": nouns
    if key in ("is seen", "are seen") and not re.match(r"\s+(?:at|to|\w+ing)\b", after):
        return True  # "is seen as a leader": how it looks now, not a forecast
    if key in ("ought to", "is estimated to", "are estimated to") and re.match(r"\s+have\b", after):
        return True  # "ought to have": the past
    if key == "see" and (previous in ("to", "will", "would", "can", "could", "may", "might", "must", "should", "did",
                                      "do", "does", "let", "let's", "and", "or", "you", "please")
                         or previous.endswith("'ll") or not re.match(r"\s+[\w$]", after)):
        return True  # "we will see", "wait and see", "you see", "to see": not a forecast's verb
    if key in ("expected", "expect", "anticipated", "predicted", "forecast") and previous in ("than", "as"):
        return True  # "the faster than anticipated fall in inflation": a comparison with the past
    if key in _MODAL_SPELLINGS and re.match(r"\s+(?:well\s+)?(?:indicate|suggest|mean|reflect|signal|explain)\b", after):
        return True  # "this may indicate …": reading the present, not forecasting
    return False


#: Verbs of reported speech, after which "would" is the future ("Patel stated that we would witness …").
_REPORTED = re.compile(r"\b(?:said|confident|confidence|asserted|predicted|predicting|forecast|expected|estimated|"
                       r"projected|reckoned|stated|mentioned|"
                       r"speculated|told|wrote|added|argued|believed|thought|warned|noted|insisted|claimed|suggested|"
                       r"explained|remarked|cautioned|saying)\b")


#: A named speaker's reporting verb a few words before a claim's "will": "Bryce Edwards said John Key's coalition
#: talks will …", "Rod Laver believes that Djokovic will …" (a dateless "will" that is still a forecast).
_REPORTED_CLAIM = re.compile(r"\b(?:said|says|told\s+\w+|asserted|asserts|insisted|insists|argued|argues|believes|"
                             r"believed|maintained|maintains|claimed|claims|is\s+confident|remains\s+confident|"
                             r"expressed\s+confidence)\s+(?:that\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}\s*$")


#: "Speaking to reporters on Monday, Jane Roe …": the one speaking is the subject after the comma.
_SPEAKING = re.compile(rf"\W*(?:Speaking|Writing|Talking)\b[^,]{{0,120}},\s+(?P<name>{_FULL_NAME})"
                       r"(?=\s+[a-z])")
#: Speakers nobody names: "many analysts predict", "most economists expect".
_GENERIC_SPEAKERS = re.compile(r"\b(?:many|most|some|several|other|few)\s+(?:analysts|economists|experts|observers|"
                               r"investors|traders|strategists|forecasters)\s+(?:now\s+)?(?:predict|expect|say|said|believe|"
                               r"think|see|forecast|anticipate|warn)", re.IGNORECASE)
#: The capitalised name a sentence opens with, connectors and an acronym in brackets included: "Bangko Sentral ng
#: Pilipinas (BSP) Governor Eli M. Remolona Jr."
_NAME_WORD = r"(?:[A-Z][\w.’'&-]*|\([A-Z][\w.&-]*\)|" + "|".join(sorted(CONNECTORS - {"and"})) + ")"
_SUBJECT = re.compile(rf"\W*({_NAME_WORD}(?:\s+{_NAME_WORD})*)\s+[a-z]")
#: Words by which a sentence continues the paragraph before: "that meeting", "they are expected to fall further".
_REFERS_BACK = re.compile(r"\b(?:(?:that|this|these|those)\s+[a-z]+|they|it|its|their|such)\b", re.IGNORECASE)


def _forecast_is_noun(left: str, written: str, after: str) -> bool:
    """"a dire forecast for", "Survey Forecast": the noun; "Acme Bank forecast growth of 2%" (after a name or a
    pronoun) and "is forecast by the bank to" (a passive): the verb."""
    words = left.split()
    before = _strip_word(words[-1]) if words else ""
    if before in ("is", "are", "was", "were") and re.match(r"\s+by\b", after):
        return False
    verb = written == "forecast" and re.fullmatch(r"[A-Z][\w.’'-]*|he|she|they|it|we|i|who|also|now|previously|then",
                                                  before)
    return not verb or bool(re.match(r"\s+(?:for|of|is|was|by|to)\b", after))


def _negated(before: list[str], key: str) -> bool:
    return any(word in ("not", "never", "cannot") or word.endswith("n't") for word in before) and not re.search(
        r"\bnot\b|n't|\bno\b|cannot", key)


def _spelling_key(written: str) -> str:
    key = " ".join(written.casefold().replace("’", "'").split())
    return "will" if re.fullmatch(r"\w+'ll", key) else key


#: A revised or restated forecast, read as "expects" at its noun: "raised its forecast for full-year sales growth to
#: 4%", "maintained its guidance for earnings growth of 3-8%", "The IMF's forecast is for growth of 3.1%".
_STATED_FORECAST = re.compile(
    rf"(?P<after_verb>{_REVISING}\s+(?:its|their|his|her|the)\s+(?:[\w$%.,-]+\s+){{0,4}}?"
    r"(?:forecasts?|guidance|outlook|projections?|estimates?|targets?))(?=\s+(?:for|of|to|at|that|range)\b)"
    r"|(?<=[’']s\s)(?:(?:latest|new|revised|updated|current|baseline|base-case|central)\s+)?(?:[\w-]+\s+)?"
    r"(?P<owned>forecast|projection|outlook)(?=\s+(?:(?:is|was)\s+for|(?:now\s+)?(?:calls\s+for|sees|shows))\b)",
    re.IGNORECASE)
#: A chance stated in words: "the chances of a recession next year are low", "the odds of a cut remain slim".
_STATED_LEVEL = re.compile(
    r"\b(?:chances?|odds|probability|likelihood)\b(?:\s+(?:of|that)\s+[^,;:.]{1,80}?)?\s+(?:is|are|remains?|looks?|"
    r"seems?|was|were)\s+(?P<degree>(?:very|quite|fairly|pretty|relatively|extremely)\s+)?[\"“‘']?"
    r"(?P<level>low|slim|small|remote|minimal|high|good|strong)\b(?!\s+(?:as|than)\b)",
    re.IGNORECASE)
_LOW_LEVELS = {"low", "slim", "small", "remote", "minimal"}
#: An analyst's "we look for the Fed to cut rates in June": an expectation.
_LOOK_FOR = re.compile(r"(?:(?<=\b[Ww]e\s)|(?<=\b[Tt]hey\s))(?:look|are\s+looking)\s+for"
                       r"(?=\s+(?:[\w$%.,’'-]+\s+){1,6}?to\s+[a-z])")


def _stated_hedges(sentence: str) -> list[_Hedge]:
    """Forecasts stated as a revised forecast's noun or as a level of chance (see the patterns above)."""
    found = []
    for match in _STATED_FORECAST.finditer(sentence):
        group = "after_verb" if match["after_verb"] else "owned"  # the phrase: "raised its forecast", "forecast"
        # ranked below a hedge of its own sentence: "revised its forecasts to anticipate a downturn" is "anticipate"
        found.append(_Hedge(match.start(group), match.end(group), match[group], "expects", 1))
    for match in _LOOK_FOR.finditer(sentence):
        found.append(_Hedge(match.start(), match.end(), match[0], "expects", 3))
    for match in _STATED_LEVEL.finditer(sentence):
        low = match["level"].casefold() in _LOW_LEVELS
        strong = bool(match["degree"]) and match["degree"].split()[0].casefold() in ("very", "extremely")
        phrase = ("highly unlikely" if strong else "unlikely") if low else ("highly likely" if strong else "likely")
        if not _negated(_words_before(sentence, match.start("level"), 3), phrase):
            found.append(_Hedge(match.start("level"), match.end("level"), match[0], phrase, 3))
    return found


def _hedges(sentence: str, times: list[_Time], table: dict[str, str], pattern: re.Pattern[str]) -> list[_Hedge]:
    """The hedges of a sentence, outside its time phrases ("in April or May" holds no "may")."""
    masked = list(sentence)
    for time in times:
        masked[time.start:time.end] = " " * (time.end - time.start)
    found = []
    for match in pattern.finditer("".join(masked)):
        if not _skip_hedge(sentence, match.start(), match.end(), match[0]):
            key = _spelling_key(match[0])
            rank = _rank(match[0], sentence, match.end())
            found.append(_Hedge(match.start(), match.end(), match[0], table.get(key, key), rank))
    stated = [hedge for hedge in _stated_hedges(sentence)  # unless a hedge is inside it ("her year-end price target")
              if not any(hedge.start <= other.start < hedge.end for other in found)
              and not any(time.start <= hedge.start < time.end for time in times)]
    return sorted(found + stated, key=lambda hedge: hedge.start)


def _rank(spelling: str, sentence: str, end: int) -> int:
    key = _spelling_key(spelling)
    if key in _WEAK_SPELLINGS:
        return 1
    if key in _REPORTING_HEDGES and re.match(r"\s+that\b", sentence[end:]):
        return 1
    if key in _MODAL_SPELLINGS:
        return 2
    return 3


# --------------------------------------------------------------------------- names


def _strip_word(word: str) -> str:
    return word.strip(",;:()\"“”‘’'")


def _is_name_token(word: str) -> bool:
    bare = _strip_word(word)
    if not bare:
        return False
    return bare[0].isupper() or bool(_DOMAIN.fullmatch(bare))


def _capitalised_run_before(text: str) -> list[str]:
    """The run of capitalised words (with "of", "the", "and" inside) that ends ``text``."""
    words = text.split()
    run: list[str] = []
    if len(words) > 1 and re.fullmatch(r"\([A-Z][\w.&-]*\)[,;:]?", words[-1]):
        words.pop()  # "the Energy Information Administration (EIA)": the name, not its acronym
    while words:
        word = words[-1]
        if word.endswith((",", ";", ":", "(", "—", "–")) and run:
            break
        if _strip_word(word).casefold() in _NOT_NAMES:
            break  # "Meanwhile Putin said": the adverb is no part of the name
        if run and re.search(r"s[’']$", word):
            break  # "Goldman Sachs' Jan Hatzius": the firm owns the name, it is no part of it
        if _is_name_token(word) and not word.startswith(("“", "\"", "‘")):
            run.insert(0, _strip_word(word))
        elif (word.casefold() in CONNECTORS or word == "&") and run:
            run.insert(0, word)  # "Bank of England", "JPMorgan Chase & Co."
        else:
            break
        words.pop()
    while run and run[0].casefold() in CONNECTORS and run[0].casefold() != "the":
        run.pop(0)  # a leading "the" stays: "the Kremlin" is "The Kremlin"
    return run


def _classify(tokens: list[str]) -> str:
    lowered = [token.casefold() for token in tokens]
    text = " ".join(lowered)
    if lowered and lowered[-1] in ANONYMOUS:
        return "anonymous"
    if any(token in OUTLET_WORDS for token in lowered) or _DOMAIN.search(text) or "al jazeera" in text:
        return "outlet"
    if any(token in ORGANISATION_WORDS for token in lowered) or all(
            token.isupper() for token in tokens if token.casefold() != "the"):  # "the IMD": an acronym
        return "organisation"
    return "person"


def _clean_person(tokens: list[str]) -> list[str]:
    kept = list(tokens)
    office = _after_office(kept)
    if office:
        return office
    titles = [i for i, token in enumerate(kept[:-1]) if token.casefold() in TITLES]
    if titles and len(kept) - titles[-1] - 1 >= 2:
        kept = kept[titles[-1] + 1:]  # "Treasury Secretary Larry Summers": all up to the last title word
    while len(kept) > 1 and kept[0].casefold() in TITLES:
        kept.pop(0)
    if len(kept) == 1 and kept[0].casefold() in TITLES:
        return tokens
    return kept


def _after_office(tokens: list[str]) -> list[str]:
    """The person after an office named with "of" or "for": "Minister of Finance Jane Roe", "Governor of the
    Central Bank Jane Roe", "Head of FX Strategy Jane Roe" -> the last two words (three with a particle or an
    initial before the surname); [] when the tokens are not of that shape."""
    office = next((i for i in range(1, len(tokens) - 2) if tokens[i] in ("of", "for")
                   and tokens[i - 1].casefold() in TITLES and tokens[i - 1][:1].isupper()), None)
    if office is None or len(tokens) - office - 1 <= 2:
        return []
    name = tokens[-3:] if tokens[-2].casefold() in PARTICLES or re.fullmatch(r"[A-Z]\.", tokens[-2]) else tokens[-2:]
    if any(t.casefold() in TITLES or not t[:1].isupper() and t.casefold() not in PARTICLES for t in name):
        return []
    return name if _classify(name) == "person" else []


def _person_names(text: str) -> list[str]:
    """Full names ("Vladimir Putin", "Yuri Ushakov") in ``text``: 2-3 capitalised words after titles."""
    names: list[str] = []
    run: list[str] = []

    def close() -> None:
        run[:] = _without_descriptors(run)
        while run and run[-1].casefold() in PARTICLES:
            run.pop()
        tokens = _clean_person(run) if run else []
        lowered = [token.casefold() for token in tokens]
        named = [t for t in tokens if t.casefold() not in PARTICLES | SUFFIXES and not re.fullmatch(r"[A-Z]\.", t)]
        if (
            2 <= len(named) <= (4 if len(named) < len(tokens) else 3)
            and _classify(tokens) == "person"
            and not any(token in TITLES or token in NATIONALITIES for token in lowered)
            and " ".join(lowered) not in _PLACE_KEYS
            and not any(token.isupper() or token.casefold() in _NOT_NAMES for token in named)
            and " ".join(tokens) not in names
        ):
            names.append(" ".join(tokens))
        run.clear()

    for word in text.split():
        bare = re.sub(r"[’']s$", "", _strip_word(word).rstrip(".!?"))
        if run and re.fullmatch(r"[A-Z]\.", word):
            run.append(word)  # a middle initial: "Jerome H. Powell"
        elif run and word.casefold() in PARTICLES:
            run.append(word)  # "Luiz Inácio Lula da Silva"
        elif run and _strip_word(word).casefold() in SUFFIXES:
            run.append(_strip_word(word))  # "Eli M. Remolona Jr."
            close()
        elif bare and bare[0].isupper() and bare.replace("-", "").replace(".", "").isalpha() and not word.startswith(("“", "\"")):
            run.append(bare)
            if word.endswith((",", ";", ":", ".", "”", "\"", "’s", "'s", ")")):
                close()
        else:
            close()
    close()
    return names


def _without_descriptors(tokens: list[str]) -> list[str]:
    """A name without the words that describe it: "Barcelona-based FocusEconomics" -> "FocusEconomics"."""
    return [token for token in tokens if not token.endswith("-based")]


def _surname(name: str) -> str:
    """The last word of a full name that is not a suffix: "Eli M. Remolona Jr." -> "Remolona"."""
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in SUFFIXES:
        words.pop()
    return words[-1]


def _format_group(tokens: list[str], kind: str) -> str:
    if kind == "organisation" and len(tokens) >= 3 and tokens[0] in ("U.S.", "US", "UK", "U.K."):
        tokens = tokens[1:]  # "U.S. Solar Energy Industries Association": the body's own name
    if kind in ("outlet", "organisation"):
        if tokens[0].casefold() == "the":
            tokens = ["The", *tokens[1:]]
        return " ".join(tokens)
    return " ".join(tokens)


# --------------------------------------------------------------------------- the reader


def _same_claim(one: str, other: str) -> bool:
    """Whether two sentences restate one claim: most of the shorter one's words are in the longer one."""
    common = _STOPWORDS | set(REPORTING_VERBS) | _STAFF | {"will", "would", "likely", "could", "may", "might"}
    words = [{w for w in re.findall(r"[a-z]+", text.casefold()) if w not in common and len(w) > 2}
             for text in (one, other)]
    shorter, longer = sorted(words, key=len)
    return not shorter or len(shorter & longer) / len(shorter) >= 0.5


class _ArticleReader:
    """One pass over an article: sentences, speakers, hedges, times, venues -> candidates."""

    def __init__(self, text: str, published: dt.date, scale: VerbalScale, outlet: str | None) -> None:
        self.text = text
        self.published = published
        self.scale = scale
        body, self.lines, guessed = _paragraphs(text)
        self.outlet = outlet or guessed
        self.outlet_reason = "given" if outlet else "from the article's URL line" if guessed else None
        self.sentences = [s for index, (start, line) in enumerate(body) for s in _sentences(start, line, index)]
        ends_with_colon = [line.rstrip("\"”’')").endswith(":") for _, line in body]
        self.opens_block = {  # paragraph -> whether it continues the previous one's speaker
            index: line.startswith(("“", "\"", "‘")) or (index > 0 and ends_with_colon[index - 1])
            for index, (_, line) in enumerate(body)
        }
        self.hedge_table = _hedge_table(scale)
        self.hedge_re = _hedge_regex(self.hedge_table)
        verbs = sorted(REPORTING_VERBS, key=len, reverse=True)
        self.verb_re = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(verb) for verb in verbs) + r")(?![\w-])")
        self.persons: list[str] = []  # full names seen so far, in order
        for line in self.lines:
            if line not in body:
                self._learn_persons(line[1])  # the headline's and standfirst's ("Mark Zandi warns …")
        self.mentions: list[tuple[int, int, _Speaker]] = []  # the current sentence's speakers (priority, position)
        self.last_named: _Speaker | None = None
        self.last_outlet: _Speaker | None = None
        self.last_person: _Speaker | None = None
        self.last_group: _Speaker | None = None  # the last organisation or outlet: "the agency", "it"
        self.relays: dict[tuple[int, str], str] = {}  # (paragraph, outlet) -> "sources via outlet"
        self.lead: _Speaker | None = None
        self.index = 0  # the sentence being read
        self.quoted: list[bool] = []
        self.sections = self._section_speakers(body)  # paragraph -> the person a heading above it names
        self.bullets = {index for index, (start, _) in enumerate(body)  # paragraphs that are bullet points
                        if re.fullmatch(r"\s*[•\-–*·]\s+", text[text.rfind("\n", 0, start) + 1:start])}
        self.looking_ahead = False  # reading a later sentence for the name a description is about
        self.last_group_paragraph = -2  # the paragraph the last organisation spoke in
        self.last_named_paragraph = -2  # the paragraph the last named speaker spoke in
        self.last_subject_paragraph = -2
        self.last_subject: _Speaker | None = None  # the last person a sentence opens with, for "he" and "she"
        self.last_subject_text = ""  # the sentence that opens with them
        heading = _HEADLINE_SPEAKER.match(self.lines[0][1]) if self.lines and self.lines[0] not in body else None
        if heading and _classify(heading["name"].split()) == "person" and heading["name"].casefold() not in TITLES:
            reason = f"no speaker found: the speaker who opens the headline ({heading['name']})"
            self.lead = _Speaker(heading["name"], "lead", reason, "person")
        self.last_claim: tuple[str, str] | None = None  # the last claim's words and slug, for venues named alone
        self.venue_question: SuggestedQuestion | None = None  # the article's choice question, once suggested
        self.bookmakers = [(match.start(), match[0]) for match in _BOOKMAKER_NAME.finditer(text)]  # bookmakers named
        self.author = self._author(body)  # an opinion piece's writer, for "I expect …" outside quotation marks

    # ---- people

    def _learn_persons(self, text: str) -> None:
        for name in _person_names(text):
            if name not in self.persons:
                self.persons.append(name)

    def _full_name(self, name: str) -> tuple[str, bool]:
        """A surname alone -> the full name seen earlier in the article (and whether it was expanded)."""
        if " " in name:
            return name, False
        for person in reversed(self.persons):
            if _surname(person).casefold() == name.casefold():
                return person, True
        return name, False

    # ---- speakers

    def _speaker_before(self, sentence: str, position: int) -> tuple[list[str], str] | None:
        """The name (tokens) ending just before ``position``, skipping fillers and an apposition."""
        left = sentence[:position].rstrip()
        changed = True
        while changed:
            changed = False
            day = re.search(r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", left)
            if day:  # "Charles Evans on Thursday said"
                left = left[:day.start()].rstrip()
                changed = True
            words = left.split()
            if words and words[-1].casefold() in SPEAKER_FILLERS:
                left = left[: left.rfind(words[-1])].rstrip()
                changed = True
        words = left.split()
        if left.endswith((",\"", ",”", "?\"", "?”", "!\"", "!”")):
            return None  # "\"… outlook for FY19,\" said Jefferies analyst Kevin Grundy": the name comes after the verb
        if re.search(r"[’']s$", words[-1] if words else ""):
            return None  # "the Department of Energy's forecast": a noun after a possessive, not a verb
        if len(words) >= 2 and re.fullmatch(r"[a-z]+ed,", words[-1]):
            left = left[: left.rfind(words[-1])].rstrip()  # "Larry Summers disagreed, saying that …"
            words = left.split()
        if position < len(sentence) and re.match(r"[a-z]+ing\b", sentence[position:]) and left.endswith(","):
            # "Governor Eli M. Remolona Jr. struck a more dovish tone …, signaling that …": the sentence's subject
            subject = _SUBJECT.match(left)
            if subject and subject[1].split()[0].casefold() not in _NOT_NAMES | {"the", "a", "an"}:
                return [_strip_word(word) for word in subject[1].split() if not word.startswith("(")], "name"
        if len(words) >= 2 and words[-1] == "who" and words[-2].endswith(","):
            left = left[: left.rfind("who")].rstrip().rstrip(",")  # "… Diana Mousina, who expects …"
            words = left.split()
        if not words:
            return None
        last = _strip_word(words[-1]).casefold()
        if last in _POSSESSIVES:
            return None  # "His forecasts come with many caveats": a noun after a possessive, not a verb
        described = _DESCRIBED.search(left)
        if described and re.search(rf"\b{_WORK}\s+of\b", described[0]):
            described = None  # "An AAP survey of 15 economists shows": a survey's aggregate, nobody's forecast
        if described and not words[-1].endswith(","):
            return left[described.start():].split(), "described"  # "…, a former Nato chief has warned"
        work = re.search(r"(?:^|(?<=[\s,]))[Aa]n?\s+(?:new|latest|recent|mid-year|annual)?\s*"
                         r"(?:forecast|model|survey|poll|report|study|analysis|assessment|projection)$", left)
        if work:  # "…, a new report forecasts": the work, whose maker may be named next
            return left[work.start():].split(), "described"
        if last in PRONOUNS and not words[-1].endswith(","):
            return [_strip_word(words[-1])], "pronoun"
        if last == "it" and not words[-1].endswith(",") and (len(words) == 1 or words[-2].endswith((",", ".", ";"))):
            return ["It"], "anaphora"  # "It anticipates that …": the organisation named before
        if (len(words) >= 2 and words[-2].casefold() in ("the", "political") and last in ANAPHORA
                and not words[-1].endswith(",")):  # "…, head of the division which prepared the report, said"
            return [words[-2], words[-1]], "anaphora"  # "The expert said", "the political scientist said"
        if (len(words) >= 3 and last in ANAPHORA and ANAPHORA[last] == "group" and not words[-1].endswith(",")
                and words[-3].casefold() == "the" and re.fullmatch(r"[a-z-]+", words[-2])):
            return [words[-3], words[-1]], "anaphora"  # "The estate agency expects": the organisation named before
        if last in ANONYMOUS:
            return self._anonymous_before(words), "anonymous"
        if last in _STAFF and len(words) >= 2:  # "…, Acme Bank economists said": the firm speaks
            run = _capitalised_run_before(" ".join(words[:-1]))
            if run and run[0].casefold() not in _NOT_STAFF:
                return run, "name"
        if left.endswith(")"):
            left = left[: left.rfind("(")].rstrip()
        dash = re.search(r"\s[-–—]\s[^-–—]+\s[-–—]$", left)
        if dash:  # "Jane Roe - who runs Acme - expects": the name before the aside
            left = left[:dash.start()].rstrip()
        if left.endswith(","):
            for _ in range(3):  # "Dario Amodei, CEO of AI startup Anthropic, an OpenAI rival, predicted": each aside
                inner = left[:-1] if left.endswith(",") else left
                comma = inner.rfind(",")
                if comma <= 0:
                    if left.endswith(","):
                        return None
                    break
                apposition = inner[comma + 1:].strip()
                if len(re.findall(r"[\"“”]", apposition)) % 2:
                    break  # '"… oil imports," analysts at FocusEconomics': the quotation's end, not an aside
                lowered = [w for w in apposition.split() if w[:1].islower() and w not in CONNECTORS]
                if not (apposition and (apposition[0].islower() or apposition.split()[0] in ("A", "An", "The")
                                        or lowered or apposition.isdigit()  # "Roe, 54, said"
                                        or apposition.split()[0].casefold() in TITLES  # "…, CEO of Google DeepMind,"
                                        or _TAG.fullmatch(apposition)  # "Sen. Jane Roe, D-Mass., said"
                                        or (re.search(r"[’']s\s", apposition)  # "Jane Roe, Acme Corp's CEO, said"
                                            and apposition.split()[-1].casefold() in TITLES))):
                    break
                left = inner[:comma].rstrip()
                if left.endswith(")"):
                    left = left[: left.rfind("(")].rstrip()
        run = _without_descriptors(_capitalised_run_before(left))
        if not run or (len(run) == 1 and run[0].casefold() in _DETERMINERS):
            return None  # "The forecast, if it comes to pass, will be …": a noun after "The", not a verb
        prefix = left.split()[:-len(run)]
        if prefix and prefix[-1].casefold() in ("at", "from") and not prefix[-1].endswith(","):
            # "Jan Hatzius at Goldman Sachs said": the person before the firm
            person = _clean_person(_capitalised_run_before(" ".join(prefix[:-1])))
            if 2 <= len(person) <= 4 and _person_names(" ".join(person) + ",") == [" ".join(person)]:
                return person, "name"
        if prefix and prefix[-1].casefold() in ("at", "of", "from", "with"):
            # "Greg Craven, professor of law, also vice-chancellor at the Australian Catholic University told
            # Xinhua": the organisation belongs to the apposition; the speaker is the person before it
            person = None
            for match in re.finditer(r"(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,2}),\s+[a-z][^\"“”]*$",
                                     " ".join(prefix)):
                person = match
            if person is not None and _classify(person["name"].split()) == "person":
                return person["name"].split(), "name"
        return run, "name"

    @staticmethod
    def _anonymous_before(words: list[str]) -> list[str]:
        group = [_strip_word(words[-1])]
        for word in reversed(words[:-1]):
            bare = _strip_word(word)
            if bare and (bare[0].isupper() or bare.casefold() in ANONYMOUS_MODIFIERS) and not word.endswith(","):
                group.insert(0, bare)
            else:
                break
        while group and group[0].casefold() == "and":
            group.pop(0)
        return group

    def _according_to(self, sentence: str) -> list[tuple[int, list[str], str]]:
        found = []
        for match in _TITLE_THEN_NAME.finditer(sentence):
            # "according to the bank's chief economist, Jane Roe", "a warning has been issued by the UK's Armed Forces
            # Minister, James Heappey": the name after the title
            if _strip_word(match["title"].split()[-1]).casefold() in set(ROLES) | _OFFICE_TITLES | _ROLE_TITLES:
                found.append((match.start(), match["name"].rstrip(".").split(), "name"))
        if found:
            return found
        for match in re.finditer(r"\b[Aa]ccording\s+to\s+|^\W*Per\s+(?=[A-Z])", sentence):  # "Per Jane Roe, …"
            segment = re.split(r"[,;:]", sentence[match.end():], maxsplit=1)[0].rstrip(".!?\"”’ ")
            work = re.match(r"(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:report|review|survey|forecast|study|"
                            r"analysis|poll|assessment|model|estimates?|data)\s+(?:by|from|of)\s+(?:[a-z][\w-]*\s+)*"
                            r"(?P<who>[A-Z][\w.&’'-]*(?:\s+(?:of\s+|the\s+|for\s+|and\s+)?[A-Z][\w.&’'-]*)*)", segment)
            if work:  # "according to a review by consulting firm Kept cited by …": Kept
                found.append((match.start(), work["who"].split(), "name"))
                continue
            segment = re.sub(r"[’']s\s+(?:[\w-]+\s+)?(?:forecasts?|reports?|models?|estimates?|surveys?|analysis|data|"
                             r"projections?|outlook|view)$", "", segment)  # "the Department of Energy's forecast"
            words = segment.split()
            if not words:
                continue
            described = _DESCRIBED.fullmatch(segment.strip()) or _DESCRIBED_WORK.match(segment.strip())
            if described:  # "according to an industry expert", "according to the bank's chair", "… to a forecast"
                found.append((match.start(), [*words[:-1], described["role"]] if described.re is _DESCRIBED_WORK
                              else words, "described"))
                continue
            if words[-1].casefold() in ANONYMOUS:
                found.append((match.start(), self._anonymous_before(words), "anonymous"))
                continue
            if len(words) == 1 and words[0].casefold() in ("him", "her", "them"):  # "According to her, …"
                found.append((match.start(), [_PRONOUN_OF[words[0].casefold()]], "pronoun"))
                continue
            domain = _DOMAIN.fullmatch(_strip_word(words[0]))
            if domain and len(words) == 1:
                found.append((match.start(), [_strip_word(words[0])], "name"))
                continue
            run = _capitalised_run_before(segment)
            if run and not (len(run) == 1 and run[0] in ("The",)):
                found.append((match.start(), run, "name"))
        return found

    @staticmethod
    def _works(sentence: str) -> list[tuple[int, list[str], str]]:
        """Who made the model, survey or report the sentence cites: "a new forecast model from The Economist gives",
        "A new assessment by the World Meteorological Organization … says", "Moody's model puts"."""
        found = []
        for match in _IN_WORK.finditer(sentence):
            found.append((match.start(), [_strip_word(word) for word in match["who"].split()], "name"))
        for match in _WORK_BY.finditer(sentence):
            tokens = [_strip_word(word) for word in (match["who"] or match["who_s"]).split()]
            if tokens and tokens[0].casefold() not in _NOT_NAMES:
                found.append((match.start(), tokens, "name"))
        for match in _NAMED_WORK.finditer(sentence):
            tokens = [_strip_word(word) for word in match["who"].split()]
            if (tokens[0].casefold() not in _NOT_NAMES and not any(position == match.start() for position, _, _ in found)
                    and not _person_names(" ".join(tokens) + ",")):  # "Deloitte", not "Jane Roe" (her report)
                found.append((match.start(), tokens, "name"))
        return found

    def _passive_agents(self, sentence: str) -> list[tuple[int, list[str], str]]:
        """Who a passive forecast is by: "is forecast by the central bank to return …" (the organisation named
        before, else "The central bank" as written), "is expected by Acme Bank to"."""
        found = []
        for match in _PASSIVE_BY.finditer(sentence):
            tokens = [_strip_word(word) for word in match["who"].split()]
            if tokens[0][:1].isupper() and tokens[0].casefold() != "the":
                found.append((match.start(), tokens, "name"))
            elif tokens[-1].casefold() in ANAPHORA and ANAPHORA[tokens[-1].casefold()] == "group":
                named = self.last_group is not None
                found.append((match.start(), [tokens[0], tokens[-1]] if named else tokens, "anaphora" if named else "name"))
        return found

    def _known_surname(self, name: str) -> bool:
        """Whether ``name`` is the surname of someone named earlier ("For Roe, …"), "For"/"To" aside."""
        known, expanded = self._full_name(name)
        return expanded and not known.startswith(("For ", "To "))

    def _views(self, sentence: str) -> list[tuple[int, list[str], str]]:
        """Whose view the sentence states without a reporting verb ("in the view of Jane Roe", "In her view")."""
        found = []
        for match in _VIEW_OF.finditer(sentence):
            tokens = [_strip_word(word).rstrip(".!?") for word in (match["of"] or match["owner"] or match["whose"]
                                                                    or match["for"]).split()]
            if match["for"] and not (_person_names(match["for"] + ",") or self._known_surname(tokens[-1])):
                continue  # "For Europe, …", "To be sure, …": a place or an idiom, not a person's view
            found.append((match.start(), tokens, "name"))
        for match in _PRONOUN_VIEW.finditer(sentence):
            found.append((match.start(), [_PRONOUN_OF[(match["in"] or match["lead"]).casefold()]], "pronoun"))
        return found

    def _inverted(self, sentence: str) -> list[tuple[int, list[str], str]]:
        """"…, said Stankovich." : a reporting verb followed by the name at the end."""
        found = []
        for match in _INVERTED.finditer(sentence):
            found.append((match.start(), [_strip_word(word).rstrip(".!?") for word in match["name"].split()], "name"))
        for match in _INVERTED_TITLED.finditer(sentence):
            # "…," said James Smith, economist at ING.  "…," said CBA head of economics Gareth Aird.
            run = _capitalised_run_before(match["who"])
            if run and not any(position == match.start() for position, _, _ in found):
                found.append((match.start(), run, "name"))
        return found

    def _resolve(self, tokens: list[str], how: str, reason_verb: str) -> _Speaker | None:
        if how == "pronoun":
            source = self.last_named if tokens[0].casefold() == "they" else (self.last_person or self.last_subject)
            if source is None:
                return None
            reason = f"speaker from an earlier sentence (pronoun '{tokens[0]}' = {source.name})"
            return _Speaker(source.name, "pronoun", reason, source.kind)
        if how == "anaphora":
            wanted = ANAPHORA.get(tokens[-1].casefold(), "person")
            source = {"outlet": self.last_outlet, "group": self.last_group}.get(wanted, self.last_person or self.last_subject)
            if source is None:
                return None
            reason = f"speaker from an earlier sentence ('{' '.join(tokens)}' = {source.name})"
            return _Speaker(source.name, "pronoun", reason, source.kind)
        if how == "described":
            description = " ".join(tokens)
            group = tokens[-1].casefold().rstrip("s") in _GROUP_ROLES
            source = (self.last_group if group else self.last_person) if tokens[0].casefold() == "the" else None
            if source is not None:
                reason = f"speaker from an earlier sentence ('{description}' = {source.name})"
                return _Speaker(source.name, "pronoun", reason, source.kind)
            role = next((t.casefold() for t in reversed(tokens)
                         if t.casefold().rstrip("s") in ROLES or t.casefold() in ROLES
                         or t.casefold() in ("forecast", "model", "survey", "poll", "report", "study", "analysis",
                                             "assessment", "projection")), tokens[-1].casefold())
            subject = self.last_subject
            if (tokens[0].casefold() == "the" and subject is not None and role in ROLES
                    and role in self.last_subject_text.casefold()
                    and subject.name.split()[-1] not in tokens):
                # "Jane Roe, chief economist at Acme Bank, spoke on Monday." then "The economist expects …": the
                # person a sentence before introduced in the same words
                reason = f"speaker from an earlier sentence ('{description}' = {subject.name})"
                return _Speaker(subject.name, "pronoun", reason, "person")
            named = self._named_after(role)
            if named is None and tokens[0].casefold() in ("a", "an") and not self.looking_ahead:
                # "A senior Arab diplomat tells The Times of Israel …", "according to a new study": nobody is named
                # for the description, so the description is who says it
                described = " ".join(tokens)
                return _Speaker(described[0].upper() + described[1:], "named",
                                f"speaker described and never named ('{description}')", "anonymous")
            if named is None:
                return None
            reason = f"speaker described ('{description}') and named in a following sentence ({named})"
            return _Speaker(named, "named", reason, "person")
        if how == "anonymous":
            name = " ".join(tokens)
            if len(tokens) < 2:
                return None  # "sources said", with nobody's sources named
            return _Speaker(name, "named", f"anonymous speaker named in sentence ('{reason_verb}')", "anonymous")
        if "and" in tokens:  # "Jane Roe and John Doe, economists at Acme Bank, expect": the first named
            first, rest = tokens[:tokens.index("and")], tokens[tokens.index("and") + 1:]
            if _person_names(" ".join(first) + ",") and _person_names(" ".join(rest) + ","):
                tokens = first
        tokens = self._person_in_group(tokens)
        kind = _classify(tokens)
        if kind == "person":
            cleaned = _clean_person(tokens)
            if all(token.casefold() in TITLES or token.casefold() in CONNECTORS for token in cleaned):
                if len(tokens) >= 2 and tokens[0] == "The" and tokens[-1][:1].isupper():
                    return _Speaker(" ".join(tokens), "named", f"speaker named in sentence ('{reason_verb}')",
                                    "organisation")  # "The Economist": a name, not a title
                return None
            name, expanded = self._full_name(" ".join(cleaned))
            note = f", full name '{name}' from earlier in the article" if expanded else ""
            return _Speaker(name, "named", f"speaker named in sentence ('{reason_verb}'){note}", "person")
        return _Speaker(_format_group(tokens, kind), "named", f"speaker named in sentence ('{reason_verb}')", kind)

    def _note_subject(self, sentence: str) -> None:
        """A sentence that opens with a person named before ("But Tonge, who teaches …, is undaunted") makes
        them the one a later "he" or "she" refers to when no speaker was found yet."""
        words = sentence.split()
        while words and (words[0].casefold() in ("but", "and", "now", "so", "yet", "still", "meanwhile")
                         or _strip_word(words[0]).casefold() in TITLES):
            words.pop(0)
        run: list[str] = []
        for word in words[:4]:
            bare = _strip_word(word)
            if not bare or not bare[0].isupper():
                break
            run.append(re.sub(r"[’']s$", "", bare))
            if word.endswith((",", ";", ":")):
                break
        if not run:
            return
        name, _ = self._full_name(run[-1])
        if " ".join(run) in self.persons or (" " in name and name in self.persons):
            name = " ".join(run) if " ".join(run) in self.persons else name
            self.last_subject = _Speaker(name, "pronoun", f"the person the sentence opens with ({name})", "person")
            self.last_subject_paragraph = self.sentences[self.index].paragraph
            self.last_subject_text = sentence

    def _office_holder(self, text: str, name: str, role: str) -> bool:
        at = text.find(name.split()[0])
        before = [w.casefold() for w in text[:at].split()[-2:]] if at >= 0 else []
        return role in _EXPERT_ROLES and any(word in _OFFICE_TITLES for word in before)

    def _is_colon_speaker(self, name: str) -> bool:
        tokens = name.split()
        if tokens[0].casefold() in _NOT_COLON_SPEAKERS or _classify(tokens) != "person":
            return False
        if len(tokens) == 1:
            return any(person.split()[-1] == tokens[0] for person in self.persons)
        return _person_names(name + ",") == [name]

    def _named_after(self, role: str) -> str | None:
        """The first speaker or person named in the next few sentences: the one a description ("a former Nato
        chief", "a group of economists", "a forecast released Thursday") is about. Office holders are passed over
        for an expert's description ("a political scientist")."""
        if self.looking_ahead:
            return None
        for later in self.sentences[self.index + 1: self.index + 5]:
            self.looking_ahead, mentions = True, self.mentions
            try:
                speaker = self._sentence_speaker(later.text)
            finally:
                self.looking_ahead, self.mentions = False, mentions
            if (speaker is not None and speaker.how == "named" and speaker.kind != "anonymous"
                    and (speaker.kind == "person" or role not in _EXPERT_ROLES or role.endswith("s"))
                    and not self._office_holder(later.text, speaker.name, role)):
                return speaker.name
            for name in _person_names(later.text):
                at = later.text.find(name.split()[0])
                before = [w.casefold() for w in later.text[:at].split()[-2:]]
                if role in _EXPERT_ROLES and any(word in _OFFICE_TITLES for word in before):
                    continue
                if re.match(r"[’']s\b|\s+(?:of|for)\s+[A-Z]", later.text[later.text.find(name) + len(name):]):
                    continue  # "Keir Starmer's Labour party", "National Association for …": not a speaker
                if before and before[-1] in ("of", "for", "the", "at", "and"):
                    continue  # "the National Association for Business Economics"
                return name
            works = self._works(later.text)
            if works:  # "A pollster has said …" then "The mega-poll by Survation predicted …"
                return " ".join(works[0][1])
        return None

    @staticmethod
    def _person_in_group(tokens: list[str]) -> list[str]:
        """"Acme Bank's Jane Roe" and "Jane Roe of Acme Bank": the person, not the firm; "Chicago Federal Reserve
        Bank President Charles Evans": the name after the title."""
        office = _after_office(tokens)
        if office:
            return office
        titled = [i for i, token in enumerate(tokens[:-1]) if token.casefold() in TITLES and token[:1].isupper()]
        if titled and 2 <= len(tokens) - titled[-1] - 1 <= 4:  # "… Governor Eli M. Remolona Jr."
            rest = tokens[titled[-1] + 1:]
            if all(t[:1].isupper() for t in rest) and _classify(rest) == "person" and _classify(tokens) != "person":
                return rest
        owners = [i for i, token in enumerate(tokens[:-1]) if re.search(r"[’']s$", token)
                  and not (i and tokens[i - 1] in ("of", "at", "with", "from"))]  # not "Mark Zandi of Moody's Analytics"
        if owners and all(token.casefold() in TITLES for token in tokens[owners[-1] + 1:]):
            # "Acme Corp's CEO said": nobody named, the firm speaks
            return tokens[:owners[-1]] + [re.sub(r"[’']s$", "", tokens[owners[-1]])]
        # "Chief economist at Acme Bank Jane Roe": the person after the firm's last organisation word
        firms = [i for i, token in enumerate(tokens[:-2]) if token.casefold() in ORGANISATION_WORDS]
        for cut in (owners[-1:] + firms[-1:]):
            rest = tokens[cut + 1:]
            if rest and len(rest) <= 3 and all(t[:1].isupper() for t in rest) and _classify(rest) == "person":
                return rest
        if "of" in tokens:
            cut = tokens.index("of")
            before = _clean_person(tokens[:cut])  # "Professor Jane Roe of Oxford University": Jane Roe
            lowered = [t.casefold() for t in before]
            if (2 <= len(before) <= 3 and all(t[:1].isupper() for t in before) and _classify(before) == "person"
                    and not any(t in TITLES or t in NATIONALITIES for t in lowered)):
                return before
        return tokens

    def _verb_mentions(self, sentence: str, verbs: re.Pattern[str]) -> list[tuple[int, int, _Speaker]]:
        """(priority, position, speaker) for each reporting verb with a speaker before it."""
        mentions = []
        for match in verbs.finditer(sentence):
            if re.match(r"(?:is|are|was|were|remains)\s", match[0]) and re.match(r"\s+to\s", sentence[match.end():]):
                continue  # "Labour is sure to win": a forecast about Labour, not Labour's own
            found = self._speaker_before(sentence, match.start())
            if found is None:
                continue
            tokens, how = found
            speaker = self._resolve(tokens, how, f"{' '.join(tokens)} {match[0]}")
            if speaker is not None:
                mentions.append((self._priority(speaker), match.start(), speaker))
        return mentions

    def _sentence_speaker(self, sentence: str) -> _Speaker | None:
        """The best speaker found in the sentence itself (named, pronoun or anaphora)."""
        inverted = self._inverted(sentence)
        after_comma = {position for position, _, _ in inverted if sentence[:position].rstrip().endswith(",")}
        # "…, and Scotland (all 5%), where buyers are under less pressure, says Savills.": the name after the verb,
        # not one found before it by skipping asides
        mentions = [m for m in self._verb_mentions(sentence, self.verb_re) if m[1] not in after_comma]
        for position, tokens, how in (self._according_to(sentence) + inverted + self._works(sentence)
                                      + self._views(sentence) + self._passive_agents(sentence)):
            words = sentence[position:].split()
            lead = words[:2] if words[0].casefold() == "according" else words[:1]
            shown = " ".join(lead + tokens)
            speaker = self._resolve(tokens, how, shown)
            if speaker is not None:
                mentions.append((self._priority(speaker), position, speaker))
        if not mentions:
            mentions = self._verb_mentions(sentence, _REVISES)
        self.mentions = mentions
        speaking = _SPEAKING.match(sentence)
        if speaking and not mentions and _person_names(speaking["name"] + ","):
            # "Speaking exclusively to Sky News …, Joseph Wu set 2027 as the key date …": the one speaking
            return _Speaker(speaking["name"], "named", f"speaker named after 'Speaking …,' ({speaking['name']})", "person")
        if not mentions and _GENERIC_SPEAKERS.search(sentence):
            return self._unnamed_speakers()  # "… when many analysts predict they will raise rates"
        said = _COLON_SPEAKER.match(re.sub(r"^\W*(?:Says|Said|Writes|Wrote|Adds|Added)\s+", "", sentence))  # "Says Jane Roe: …"
        written = said["name"] if said else ""
        named = written.title() if written.isupper() and len(written) > 3 else written  # a transcript's "JANE ROE:"
        if said and not mentions and self._is_colon_speaker(named):
            # a transcript's or live blog's "Powell: We have made no decisions …"
            name, _ = self._full_name(named)
            return _Speaker(name, "named", f"speaker named before a colon ('{written}:')", "person")
        introduced = _INTRODUCES_QUOTE.match(sentence)
        if not mentions and introduced and _person_names(introduced["name"] + ",") == [introduced["name"]]:
            # 'Lawrence Tribe, Harvard Law School professor …, has faith in Obamacare: "I think it will be upheld."'
            return _Speaker(introduced["name"], "named",
                            f"speaker named before the colon that opens a quotation ({introduced['name']})", "person")
        if not mentions and self.last_group is not None and _WORK_SUBJECT.match(sentence):
            reason = f"speaker from an earlier sentence ('{_WORK_SUBJECT.match(sentence)[0].strip()}' = {self.last_group.name})"
            return _Speaker(self.last_group.name, "pronoun", reason, self.last_group.kind)
        staff = _STAFF_OF.match(sentence)
        if staff and staff["org"].split()[0].casefold() not in _NOT_STAFF and not any(
                m[2].how == "named" and m[1] < staff.end() + 40 for m in mentions):
            # "Goldman Sachs economists see a 35% chance …", "Acme Bank analysts expect …": the firm speaks
            tokens = staff["org"].split()
            owner = re.search(r"[’']s?$", tokens[-1])
            tokens[-1] = re.sub(r"[’']s?$", "", tokens[-1])
            kind = _classify(tokens)
            if owner and kind == "person":  # "Jane Roe's team expects …": hers
                name, _ = self._full_name(" ".join(_clean_person(tokens)))
                return _Speaker(name, "named", f"speaker named in sentence ('{staff[0].strip()}')", "person")
            return _Speaker(" ".join(tokens), "named", f"speaker named in sentence ('{staff[0].strip()}')",
                            "organisation" if kind == "person" else kind)
        if not mentions and self.index > 0 and re.match(r"\W*(?:Both|The\s+two|The\s+pair|The\s+duo)\b", sentence):
            # "… Professor John Curtice and Professor Matthew Goodwin … share their predictions." then "Both are
            # agreed that a Conservative majority is most likely": the first of the two named before
            named = _person_names(self.sentences[self.index - 1].text)
            if len(named) < 2 and len(self.persons) >= 2:
                named = self.persons[-2:]  # the two named last, one sentence or paragraph each
            if len(named) >= 2:
                name, _ = self._full_name(named[0])
                return _Speaker(name, "pronoun", f"speaker from the sentence before ('{sentence.split()[0]}' = {name} "
                                f"and {named[1]})", "person")
        if not mentions:
            paragraph = self.sentences[self.index].paragraph if self.sentences else 0
            firm = self.last_named
            if (_GENERIC_SUBJECT.match(sentence) and firm is not None and not self.looking_ahead
                    and (firm.kind == "organisation" or (firm.kind == "person" and " " not in firm.name))
                    and 0 <= paragraph - self.last_named_paragraph <= 1):
                # "Kept noted that oil prices fell sharply last year …" then "Analysts expect the oil market surplus
                # to persist in 2026": the firm's analysts, just named (a one-word name is a firm's, not a person's)
                return _Speaker(firm.name, "pronoun", f"speaker from the paragraph before ('"
                                f"{sentence.split()[0]}' = {firm.name}'s)", "organisation")
            if _GENERIC_SUBJECT.match(sentence):  # "Economists surveyed on March 3 said …": nobody named, and
                return self._unnamed_speakers()  # not the previous sentence's speaker either
            return None
        relay = _RELAYED.search(sentence)
        if relay and len(mentions) >= 2:
            # "… could default by 2028, the minister warned, Roe said": Roe relays the minister's forecast
            inner = [m for m in mentions if relay.start() <= m[1] < relay.start("outer")]
            if inner:
                return inner[0][2]
        return min(mentions, key=lambda mention: (mention[0], mention[1]))[2]

    def _speaker_at(self, speaker: _Speaker, position: int) -> _Speaker:
        """With several people named in a sentence, a claim is the nearest one's before it: "When Biden said
        there was nothing inevitable, Summers disagreed, saying that a recession was almost inevitable"."""
        best = min((mention[0] for mention in self.mentions), default=None)
        before = [m for m in self.mentions
                  if m[0] == best and m[1] <= position and m[2].how == "named" and m[2].kind == "person"]
        if speaker.how != "named" or len(before) < 2:
            return speaker
        return max(before, key=lambda mention: mention[1])[2]

    @staticmethod
    def _priority(speaker: _Speaker) -> int:
        if speaker.how == "pronoun":
            return 1
        return 2 if speaker.kind == "outlet" else 0

    def _relay(self, sentence: str) -> str | None:
        """Anonymous people an outlet's report rests on ("relying on current and former Russian officials")."""
        match = re.search(r"\b(?:relying\s+on|citing|quoting|based\s+on|according\s+to)\s+(?P<who>[^,.;]+)", sentence)
        if not match:
            return None
        words = match["who"].split()
        for end in range(len(words), 0, -1):
            if words[end - 1].casefold() in ANONYMOUS:
                group = self._anonymous_before(words[:end])
                if group:
                    name = " ".join(group)
                    return name[0].upper() + name[1:]
        return None

    def _bookmaker(self, sentence: str) -> _Speaker | None:
        """The bookmaker the article names (the last one named so far, else the first), for a price said by nobody."""
        if not _PRICE.search(sentence):
            return None
        start = self.sentences[self.index].start
        before = [name for at, name in self.bookmakers if at < start]
        named = before[-1] if before else next((name for _, name in self.bookmakers), None)
        if named is None or (self.outlet and self.outlet.casefold() == named.casefold()):
            return None
        reason = f"no speaker found: a bookmaker's price, and the article names the bookmaker {named}"
        return _Speaker(named, "lead", reason, "organisation")

    def _unnamed_speakers(self) -> _Speaker:
        """The article's speaker for a sentence whose speakers are a group nobody names."""
        article = self._article_speaker()
        return replace(article, reason=f"{article.reason} (the sentence's speakers are not named)")

    def _article_speaker(self) -> _Speaker:
        if self.lead is not None:
            return self.lead
        if self.outlet:
            reason = f"no speaker found: the article's outlet ({self.outlet_reason})"
            return _Speaker(self.outlet, "article", reason, "outlet")
        return _Speaker("the article (outlet not named)", "article",
                        "no speaker found: the article itself; name its outlet with --outlet", "article")

    # ---- candidates

    def candidates(self) -> list[Candidate]:
        found: list[tuple[int, Candidate]] = []
        previous: tuple[int, _Speaker] | None = None  # the previous sentence's paragraph and speaker
        in_text: dict[int, _Speaker] = {}  # each paragraph's last speaker, fallbacks aside
        recent: _Speaker | None = None  # the last person or organisation named as a speaker
        open_after = self._open_quotes()
        self.quoted = [i > 0 and open_after[i - 1] and self.sentences[i - 1].paragraph == sentence.paragraph
                       for i, sentence in enumerate(self.sentences)]  # the sentence starts inside a quotation
        for self.index, sentence in enumerate(self.sentences):
            self._learn_persons(sentence.text)
            self._note_subject(sentence.text)
            speaker = self._sentence_speaker(sentence.text)
            if (speaker is None and self.author is not None and not self.quoted[self.index]
                    and not re.search(r"[\"“”]", sentence.text) and _FIRST_PERSON.search(sentence.text)):
                speaker = self.author  # "I expect rates to fall by June" in the author's own words
            if speaker is not None:
                self._remember(sentence, speaker)
            elif open_after[self.index]:
                speaker = self._quote_closer(open_after) or self._continued_speaker(sentence, previous, in_text)
            else:
                speaker = self._continued_speaker(sentence, previous, in_text)
            self._note_relay(sentence, speaker)
            if speaker is None:
                speaker = self.sections.get(sentence.paragraph) or self._bookmaker(sentence.text) or self._article_speaker()
                if speaker.how == "article" and recent is not None and not _PRICE.search(sentence.text):
                    speaker = replace(recent, how="recent", reason=f"no speaker found: the last one named before ({recent.name})")
            else:
                in_text[sentence.paragraph] = speaker
                if speaker.how in ("named", "pronoun") and speaker.kind in ("person", "organisation"):
                    recent = speaker
            previous = (sentence.paragraph, speaker)
            found += [(sentence.paragraph, candidate) for candidate in self._sentence_candidates(sentence, speaker)]
        found = [(paragraph, self._later_full_name(candidate)) for paragraph, candidate in found]
        return self._merge([self._apply_relays(paragraph, candidate) for paragraph, candidate in found])

    def _later_full_name(self, candidate: Candidate) -> Candidate:
        """A surname alone whose full name the article gives only later ("…, Kganyago said." then "Governor
        Lesetja Kganyago spoke …")."""
        if " " in candidate.expert or not candidate.expert[:1].isupper() or candidate.expert.isupper():
            return candidate
        name, expanded = self._full_name(candidate.expert)
        if not expanded:
            return candidate
        return replace(candidate, expert=name,
                       reasons=(*candidate.reasons, f"full name '{name}' from later in the article"))

    def _author(self, body: list[tuple[int, str]]) -> _Speaker | None:
        """Who wrote the piece: a byline near the top ("By Jane Roe") or a closing line about the writer ("Jane Roe
        is chief economist at Acme Bank.")."""
        for _, line in self.lines[:4]:
            byline = _BYLINE.match(line)
            if byline and _person_names(byline["name"] + ","):
                return _Speaker(byline["name"], "named", f"the author's own view (byline '{line}')", "person")
        closing = _AUTHOR_BIO.match(body[-1][1]) if body else None
        if closing and _person_names(closing["name"] + ","):
            name = closing["name"]
            return _Speaker(name, "named", f"the author's own view (the closing line says who {name} is)", "person")
        return None

    def _section_speakers(self, body: list[tuple[int, str]]) -> dict[int, _Speaker]:
        """A heading that names a person ("Jay Bryson, chief economist at Wells Fargo bank") introduces what
        follows it, up to the next heading: the fallback speaker of those paragraphs."""
        sections: dict[int, _Speaker] = {}
        current: _Speaker | None = None
        index = {line: i for i, line in enumerate(body)}
        for number, line in enumerate(self.lines):
            if line in index:
                if current is not None:
                    sections[index[line]] = current
                continue
            if number == 0 or re.match(r"(?i)by\s", line[1]):
                continue  # the headline, a byline ("By Ann Saphir")
            match = re.fullmatch(r"(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,2})(?:,\s+[^.!?]+)?", line[1])
            names = _person_names(match["name"] + ",") if match else []
            current = (_Speaker(names[0], "lead", f"no speaker found: the heading above names {names[0]}", "person")
                       if names and names[0] == match["name"] else None)
        return sections

    def _open_quotes(self) -> list[bool]:
        """Per sentence: whether a quotation is still open at its end (within its paragraph)."""
        result, inside, paragraph = [], False, None
        for sentence in self.sentences:
            if sentence.paragraph != paragraph:
                inside, paragraph = False, sentence.paragraph
            marks = sum(sentence.text.count(mark) for mark in ('"', "“", "”"))
            inside ^= marks % 2 == 1
            result.append(inside)
        return result

    def _quote_closer(self, open_after: list[bool]) -> _Speaker | None:
        """The speaker named where a quotation of several sentences closes: "Rates will fall by June. A recession
        is likely next year," said John Doe."""
        paragraph = self.sentences[self.index].paragraph
        for later in range(self.index + 1, len(self.sentences)):
            if self.sentences[later].paragraph != paragraph:
                return None
            if not open_after[later]:
                self.looking_ahead, mentions = True, self.mentions
                try:
                    speaker = self._sentence_speaker(self.sentences[later].text)
                finally:
                    self.looking_ahead, self.mentions = False, mentions
                if speaker is None or speaker.how not in ("named", "pronoun"):
                    return None
                return replace(speaker, reason=f"speaker named where the quotation closes ({speaker.name})")
        return None

    def _remember(self, sentence: _Sentence, speaker: _Speaker) -> None:
        self.last_named = speaker
        self.last_named_paragraph = sentence.paragraph
        if speaker.kind == "person":
            self.last_person = speaker
        elif speaker.kind in ("organisation", "outlet"):
            self.last_group = speaker
            self.last_group_paragraph = sentence.paragraph
        if speaker.kind == "outlet":
            self.last_outlet = speaker
            if sentence.paragraph == 0 and self.lead is None and re.search(r"\breport(?:s|ed)\b", sentence.text):
                reason = f"no speaker found: the article's lead source ({speaker.name})"
                self.lead = _Speaker(speaker.name, "lead", reason, "outlet")

    def _continued_speaker(
        self, sentence: _Sentence, previous: tuple[int, _Speaker] | None, in_text: dict[int, _Speaker]
    ) -> _Speaker | None:
        """The previous sentence's speaker, or the speaker who introduced a block quote."""
        if previous is None:
            return None
        paragraph, speaker = previous
        if paragraph == sentence.paragraph:
            if speaker.how in ("lead", "recent", "article"):
                return None
            reason = speaker.reason if speaker.how == "continued" else (
                f"speaker carried over from the previous sentence ({speaker.name})")
            return replace(speaker, how="continued", reason=reason)
        before = in_text.get(sentence.paragraph - 1)
        if before is not None and self.opens_block[sentence.paragraph]:
            return replace(before, how="continued", reason=f"block quote introduced by {before.name}")
        if (before is None and self.opens_block[sentence.paragraph] and self.last_subject is not None
                and self.last_subject_paragraph == sentence.paragraph - 1):
            # "Jane Roe spoke on Monday." then a quotation nobody is named for: hers
            return replace(self.last_subject, how="continued",
                           reason=f"quotation after a paragraph about {self.last_subject.name}")
        if (before is not None and before.how == "named" and paragraph == sentence.paragraph - 1
                and {sentence.paragraph, paragraph} <= self.bullets):
            # a list of points: "- Miran projects 150 basis points of cuts by end of 2026." then "- Rate reductions
            # expected to begin in late 2025": the bullet before names who expects it
            return replace(before, how="continued", reason=f"speaker carried over from the bullet before ({before.name})")
        if before is not None and paragraph == sentence.paragraph - 1 and (
                before.kind == "organisation" or (before.how in ("named", "pronoun") and _REFERS_BACK.search(sentence.text))):
            # wire style, one sentence a paragraph: "A new assessment by the WMO says there's a 40 percent
            # chance …" then "There's a 90 percent chance we'll have the hottest year on record …"; "The emergency
            # committee is likely to convene a meeting this week, she suggests." then "The 'all clear' could be
            # sounded after that meeting": the paragraph before named who says so
            return replace(before, how="continued", reason=f"speaker carried over from the paragraph before ({before.name})")
        return None

    def _note_relay(self, sentence: _Sentence, speaker: _Speaker | None) -> None:
        relayed = self._relay(sentence.text)
        outlet = speaker if speaker is not None and speaker.kind == "outlet" else self.last_outlet
        if relayed and outlet is not None:
            self.relays[(sentence.paragraph, outlet.name)] = f"{relayed} via {outlet.name}"

    def _apply_relays(self, paragraph: int, candidate: Candidate) -> Candidate:
        relayed = self.relays.get((paragraph, candidate.expert))
        if relayed is None and self.lead is not None and candidate.expert == self.lead.name:
            relayed = next((name for (_, outlet), name in self.relays.items() if outlet == self.lead.name), None)
        if relayed is None:
            return candidate
        reason = f"'{candidate.expert}' relays anonymous sources: expert is '{relayed}'"
        return replace(candidate, expert=relayed, reasons=(*candidate.reasons, reason))

    def _sentence_candidates(self, sentence: _Sentence, speaker: _Speaker) -> list[Candidate]:
        """Per clause: its stated numbers, or its best hedge, with its window and venues; venues alone when no hedge."""
        text = sentence.text
        if re.search(r"\?[\"”’')]*$", text):
            return []  # a question ("Will prices fall before the summer?") asks, it does not forecast
        times = _time_phrases(text)
        hedges = _hedges(text, times, self.hedge_table, self.hedge_re)
        location = bool(_LOCATION_CUE.search(text))
        candidates: list[Candidate] = []
        carried: _Hedge | None = None  # the previous clause's hedge, for a clause that continues its claim
        previous_times: list[_Time] = []
        for start, end, continues in _clauses(text):
            clause_times = [t for t in times if start <= t.start < end]
            if not clause_times and re.match(r"but\s", text[start:end]):
                # "… will likely make some progress in the remainder of this year, but it is unlikely to be enough":
                # the contrast is about the same time
                clause_times = previous_times
            previous_times = clause_times
            numbers = [replace(odds, start=odds.start + start, end=odds.end + start)
                       for odds in stated_odds(text[start:end]) if not self._past_number(text, start, odds.start + start)]
            if numbers:
                others = [h.text for h in hedges if start <= h.start < end]
                for number, chosen in zip(numbers, self._nearest_times(numbers, clause_times)):
                    hedge = _Hedge(number.start, number.end, number.text, number.text, 4, probability=number.probability)
                    time_text, window, time_notes = self._window(text, chosen)
                    candidates += self._build(sentence, speaker, hedge, others, time_text, window, time_notes, [],
                                              (start, end))
                carried = None
                continue
            clause_hedges = [h for h in hedges if start <= h.start < end and not self._not_a_forecast(text, h, start, end)]
            if not clause_hedges:
                if continues and carried is not None and clause_times:
                    clause_hedges = [carried]
                else:
                    carried = None
                    continue
            best = max(clause_hedges, key=lambda h: (h.rank, -h.start))
            carried = best
            others = [h.text for h in hedges if h is not best]
            venues = self._venues(text, start, end, speaker) if location else []
            time_text, window, time_notes = self._window(text, clause_times)
            quoted = (speaker.kind == "person" and speaker.how != "article"
                      and (self.quoted[self.index] or text.lstrip()[:1] in "\"“"
                           or len(re.findall(r"[\"“”]", text[:best.start])) % 2 == 1))  # '…: "I think it will …"'
            if _spelling_key(best.text) in _VERB_HEDGES and window is None and not venues:
                continue  # "He believes the issues are temporary": no time, no forecast
            believes = re.search(r"\b(?:I|we)\s+(?:do\s+)?(?:think|believe|reckon|expect|suspect|predict)\b",
                                 text[start:best.start])  # "I think the price of oil will increase"
            reported = (speaker.how in ("named", "pronoun") and speaker.kind in ("person", "organisation")
                        and _REPORTED_CLAIM.search(text[:best.start]))
            if _spelling_key(best.text) in _WILL_SPELLINGS and window is None and not venues and not reported and not (
                    quoted and _spelling_key(best.text) == "will"
                    and (re.search(r"\bwill\s+win\b", text[start:end]) or believes)):
                continue  # "will" without a date or a place is narration; an expert's quoted "X will win" or "I think
                # … will" is not
            candidates += self._build(
                sentence, speaker, best, others, time_text, window, time_notes, venues, (start, end)
            )
        if not hedges and location and speaker.how in ("named", "pronoun") and "possible" in self.hedge_table:
            venues = self._venues(text, 0, len(text), speaker)
            if venues:
                assumed = _Hedge(0, 0, "possible", "possible", 0)
                candidates += self._build(sentence, speaker, assumed, [], None, None, [], venues, (0, len(text)))
        return candidates

    def _past_number(self, text: str, clause_start: int, position: int) -> bool:
        """A number said of the past: "a model in 2016 … gave Clinton a 98.1% chance", "That year, …"."""
        before = text[clause_start:position]
        years = [int(year) for year in re.findall(r"\b(?:19|20)\d{2}\b", before)]
        if years and max(years) < self.published.year:
            return True
        later = [int(year) for year in re.findall(r"\b(?:19|20)\d{2}\b", text[position:])]
        if later and max(later) < self.published.year and re.search(r"\b(?:was|were|had|spiked|rose|fell|gave)\b", text):
            return True  # "The recession odds spiked to 33% in September 2011"
        return bool(re.search(r"\b(?:that|last)\s+year\b|\bin\s+the\s+past\b", before, re.IGNORECASE))

    @staticmethod
    def _nearest_times(numbers: list, times: list[_Time]) -> list[list[_Time]]:
        """The time phrases of each number: all of them for one number; else each phrase goes to its nearest."""
        if len(numbers) < 2:
            return [times]
        chosen: list[list[_Time]] = [[] for _ in numbers]
        for time in times:
            distances = [min(abs(time.start - n.end), abs(n.start - time.end)) for n in numbers]
            chosen[distances.index(min(distances))].append(time)
        return chosen

    @staticmethod
    def _not_a_forecast(text: str, hedge: _Hedge, start: int, end: int) -> bool:
        """Conditional commentary ("this could prove a mistake if …") and statements about the past
        ("it seems likely the new rules have slowed hiring") hold a hedge but forecast nothing. "If, as we expect,
        inflation starts to ease next year, …" states the expectation inside the condition: a forecast."""
        if re.search(r"\bas\s+(?:we|I|they|he|she)\s+(?:still\s+)?$", text[:hedge.start]):
            return False
        if re.search(r"\b(?:if|unless)\b", text[text.rfind(";", 0, hedge.start) + 1:hedge.start], re.IGNORECASE):
            return True  # "if we do suffer one …, it will be mild": conditional commentary
        if re.search(r"\b(?:if|unless)\b", text[hedge.end:end]):
            return hedge.rank < 3
        after = text[hedge.end:end]
        return bool(re.match(r"(?:\s+that)?(?:\s+[\w’'-]+){0,5}?\s+(?<!to\s)(?:have|has|had)\s+(?:already\s+)?(?:been\s+)?"
                             r"[a-z]+(?:ed|en|wn|ne)\b", after)) and not re.search(r"\bwill\s+have\b", after)

    def _window(self, sentence: str, times: list[_Time]) -> tuple[str | None, str | None, list[str]]:
        notes: list[str] = []
        usable: list[tuple[_Time, str]] = []
        unread: _Time | None = None
        for time in times:
            if re.search(r"\b(?:said|says|predicted|forecast|wrote|told\s+\w+|warned|estimated|announced|speculated|"
                         r"projected|stated|mentioned)\s+(?:at\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+)?"
                         r"(?:(?:at|in|on|earlier\s+in|late\s+in|early\s+in)\s+)?(?:the\s+(?:end|start|beginning|middle)"
                         r"\s+of\s+)?$", sentence[: time.start] + " "):
                notes.append(f"time phrase '{time.text}' says when it was said: not used")
                continue  # "predicted at the end of July that …", "said today that …"
            after = re.match(r",?\s+(?:[\w’'-]+\s+){0,3}?(?P<verb>[a-z]+ed)\b", sentence[time.end:])
            if (after and not re.search(r"\d{4}", time.text) and not sentence[:time.start].strip(" \"“")
                    and after["verb"] not in ("expected", "anticipated", "predicted", "projected", "forecasted")):
                notes.append(f"time phrase '{time.text}' opens a sentence about the past: not used")
                continue  # "In May, inflation slowed to a 13-month low … and is expected to revert …"
            if re.search(r"\b(?:rather\s+than|instead\s+of|not)\s*$", sentence[: time.start]):
                notes.append(f"time phrase '{time.text}' is negated ('rather than'): not used")
                continue
            try:
                window = _span_window(time.text, self.published) if time.kind == "span" else None
                phrase = re.sub(r"\bseveral\b", "few", time.text, flags=re.IGNORECASE)  # "the next several days"
                phrase = re.sub(r"^end\s+(\d{4})$", r"by the end of \1", phrase)  # "to end 2025 at 3.6 per cent"
                phrase = re.sub(r"the\s+year\s+is\s+out$", "the end of the year", phrase)  # "before the year is out"
                phrase = re.sub(r"\bthe\s+current\b", "this", phrase, flags=re.IGNORECASE)  # "the current quarter"
                phrase = re.sub(r"\b(front|back)\s+half", lambda m: "first half" if m[1].casefold() == "front"
                                else "second half", phrase, flags=re.IGNORECASE)  # "the back half of the year"
                window = window or _parse_either(phrase, time.core, self.published)
            except InvalidInput:
                unread = unread or time
                continue
            if window.end < self.published or self._recent_day(time, window):
                notes.append(f"time phrase '{time.text}' is in the past: not used")
                continue
            later = self._next_if_mostly_over(time, window)
            if later is not None:
                notes.append(
                    f"'{time.text}' is mostly over on {self.published.isoformat()} ({window.label}): "
                    f"read as the next one; change it if the speaker meant the current one"
                )
                window = later
            usable.append((time, window.label))
        if not usable:
            if unread is not None:
                notes.append(f"time phrase '{unread.text}' could not be read as a window: set it yourself")
                return unread.text, None, notes
            return None, None, notes
        usable.sort(key=lambda pair: (_TIME_ORDER[pair[0].kind], pair[0].start))
        chosen, label = usable[0]
        notes.insert(0, f"time phrase '{chosen.text}' read as {label} from {self.published.isoformat()}")
        for other, _ in usable[1:]:
            notes.append(f"less specific time phrase '{other.text}' not used")
        return chosen.text, label, notes

    def _recent_day(self, time: _Time, window: Window) -> bool:
        """"Surveyed on March 3" said on March 10: a day without a year, up to half a year before publication,
        is that past day, not next year's."""
        if window.start != window.end or re.search(r"\d{4}", time.text):
            return False
        try:
            this_year = window.end.replace(year=self.published.year)
        except ValueError:  # 29 February
            return False
        return this_year < self.published and (self.published - this_year).days <= 183

    def _next_if_mostly_over(self, time: _Time, window: Window) -> Window | None:
        """"In the fall" said on 15 November means next fall: a yearless span more than half over is the next one."""
        if time.kind != "calendar" or window.start is None:
            return None
        if re.search(r"\d{4}|\b(?:this|next)\b", time.text, re.IGNORECASE):
            return None  # the speaker chose the year
        if (self.published - window.start) * 2 <= (window.end - window.start) or window.start == window.end:
            return None  # a day in the past ("surveyed on March 3") stays in the past
        if re.search(r"(?i)\b(?:quarter|half)\b", time.text) and self.published <= window.end:
            return None  # "GDP is likely to shrink in the second quarter", said in June: the quarter being reported on
        core = re.sub(r"(?i)^the\s+", "", time.core)
        try:
            return parse_window_phrase(f"next {core}", made_on=self.published)
        except InvalidInput:
            return None

    def _venues(self, sentence: str, start: int, end: int, speaker: _Speaker) -> list[str]:
        clause = sentence[start:end]
        venues: list[str] = []
        for match in re.finditer(r"(?:[A-Z][\w’'.-]*)(?:\s+[A-Z][\w’'.-]*)*", clause):
            name = match[0].rstrip(".’'")
            name = re.sub(r"[’']s$", "", name)
            if name.casefold() not in _PLACE_KEYS:
                continue
            following = clause[match.end():].lstrip()
            next_word = following.split()[0].strip(",.;:") if following.split() else ""
            if following[:1].isalpha() and next_word.islower() and next_word not in _AFTER_PLACE:
                continue  # "APA's Moscow correspondent": a modifier, not a venue
            if clause[match.end():match.end() + 2] in ("’s", "'s"):
                continue
            if name not in venues and name != speaker.name:
                venues.append(name)
        for match in _VENUE_AFTER.finditer(clause):
            place = match["place"].rstrip(".")
            if re.fullmatch(_MONTH, place.split()[0]) or place in self.persons:
                continue
            if place not in venues and place.casefold() not in {v.casefold() for v in venues}:
                venues.append(place)
        return venues

    def _build(
        self, sentence: _Sentence, speaker: _Speaker, hedge: _Hedge, others: list[str], time_text: str | None,
        window: str | None, time_notes: list[str], venues: list[str], clause: tuple[int, int],
    ) -> list[Candidate]:
        """The candidates of one clause: one per venue, and one for its window or its bare claim."""
        speaker = self._speaker_at(speaker, hedge.start)
        reasons = [speaker.reason]
        if hedge.probability is not None:
            probability, version = hedge.probability, None
            reasons.append(f"the text states the probability: '{hedge.text}' = {probability:g}")
        else:
            reading = self.scale.read(hedge.scale_phrase)
            probability, version = reading.probability, reading.scale_version
        if hedge.rank == 0:
            reasons.append("no hedge word: 'possible' assumed for a place named as a candidate location")
        elif hedge.rank < 4:
            reasons.append(
                f"hedge '{hedge.text}' read as '{reading.phrase}' = {reading.probability:g} (scale {self.scale.version})"
            )
            if hedge.rank == 2:
                reasons.append("a bare modal verb: weak evidence of a forecast")
            elif hedge.rank == 1:
                reasons.append("a weak hedge (a noun, or a reporting verb): check the probability")
        if others:
            reasons.append("other hedges in the sentence: " + ", ".join(f"'{other}'" for other in others))

        def candidate(kind: str, target: str, option: str | None, notes: list[str]) -> Candidate:
            return Candidate(
                expert=speaker.name, quote=sentence.text, phrase=hedge.text, probability=probability,
                scale_version=version, time_phrase=time_text if kind != "choice" else None,
                window=window if kind == "date" else None, option=option,
                suggested_question=self._question(kind, sentence.text, clause, hedge, speaker),
                made_on=self.published,
                confidence=round(SPEAKER_TRUST[speaker.how] * HEDGE_STRENGTH[hedge.rank] * TARGET_CLARITY[target], 2),
                reasons=(*reasons, *notes),
            )

        results = []
        if window is not None:
            results.append(candidate("date", "window", None, time_notes))
        elif not venues and time_text is not None:
            results.append(candidate("binary", "unread", None, time_notes))
        elif not venues:
            results.append(candidate("binary", "none", None, [*time_notes, "no time phrase: deadline left to you"]))
        for venue in venues:
            results.append(candidate("choice", "venue", venue, [f"'{venue}' named as a place where it could happen"]))
        return results

    # ---- questions

    def _question(self, kind: str, sentence: str, clause: tuple[int, int], hedge: _Hedge,
                  speaker: _Speaker) -> SuggestedQuestion:
        start, end = clause
        clause_text = sentence[start:end]
        venue = "-venue" if kind == "choice" else ""
        if kind == "choice" and self.venue_question is not None:
            return self.venue_question  # one article's places are the options of one question
        if hedge.rank == 0 and self.last_claim is not None:
            core, slug = self.last_claim  # "Baku, along with Istanbul, is a preferable location": for the claim before
        else:
            core = self._claim_core(self._claim_text(clause_text, hedge, start), hedge)
            hedge_words = set(hedge.text.casefold().split())
            words = [w for w in re.findall(r"[^\W\d_]+", core.casefold()) if w not in _STOPWORDS | hedge_words]
            slug = slugify("-".join(words[:5])) if words else "claim"
            if kind != "choice":
                self.last_claim = (core, slug)
        titles = {"date": f"When will this happen: “{core}”?",
                  "choice": f"Where will this happen: “{core}”?",
                  "binary": f"Will this happen: “{core}”?"}
        question = SuggestedQuestion(kind, slug + venue, titles[kind])
        if kind == "choice":
            self.venue_question = question
        return question

    @staticmethod
    def _claim_core(claim: str, hedge: _Hedge) -> str:
        """The claim without its time phrases: the question asks when; the window is the forecast's."""
        for time in sorted(_time_phrases(claim), key=lambda t: t.start, reverse=True):
            claim = claim[:time.start] + claim[time.end:]
        claim = re.sub(r"\s+(?:as\s+early\s+as|no\s+later\s+than|sometime|some\s+time)\s*(?=[,.;]|$)", "", claim)
        claim = re.sub(r"\s+(?:held|take\s+place|meet|hosted)?\s*in\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s*$", "", claim)
        claim = re.sub(r"\s+([,;:.])", r"\1", " ".join(claim.split()))
        return claim.strip(" ,;:-–—\"“”'’")

    def _claim_text(self, clause: str, hedge: _Hedge, clause_start: int) -> str:
        """The reported statement around the hedge: no speaker, no "that", no side clause, no bare modal."""
        position = max(hedge.start - clause_start, 0)
        start, end = 0, len(clause)
        if hedge.rank:
            verbs_before = list(self.verb_re.finditer(clause, 0, position))
            start = verbs_before[-1].end() if verbs_before else 0
            that = clause.rfind(" that ", start, position)
            start = that + len(" that ") if that >= 0 else start
            verb_after = self.verb_re.search(clause, hedge.end - clause_start)
            end = verb_after.start() if verb_after else end  # "“It could happen,” said Jane Doe"
        claim = clause[start:end]
        claim = re.split(r",\s+(?:which|though|rather\s+than|according\s+to)\b", claim)[0]
        claim = re.sub(r"^\W*(?:(?:for instance|instead|however|furthermore|therefore|earlier|meanwhile|"
                       r"according\s+to\s+[^,]+|(?:while|although|though|if|when)\s+[^,]+),\s+)?", "", claim,
                       flags=re.IGNORECASE)
        if hedge.rank == 2:
            claim = re.sub(rf"\b{re.escape(hedge.text)}\s+", "", claim, count=1)
        return claim.strip().rstrip(".,:;\"”’ ").strip()

    # ---- duplicates

    @staticmethod
    def _merge(candidates: list[Candidate]) -> list[Candidate]:
        kept: dict[tuple, int] = {}
        repeats: dict[tuple, int] = {}
        result: list[Candidate] = []
        for candidate in candidates:
            if candidate.window is None and candidate.option is None:
                result.append(candidate)
                continue
            # the same claim restated: same speaker, question, window, option and probability ("a 98% chance" of one
            # event and "most likely" of another in the same five years are two claims)
            key = (candidate.expert, candidate.suggested_question.kind, candidate.window, candidate.option,
                   round(candidate.probability, 2))
            if key in kept and not _same_claim(result[kept[key]].quote, candidate.quote):
                result.append(candidate)  # "supply shocks will ease next year" and "inflation will likely fall back
                continue  # … next year": one speaker, one window, two claims
            if key in kept:
                repeats[key] = repeats.get(key, 0) + 1
                if candidate.confidence > result[kept[key]].confidence:
                    result[kept[key]] = candidate
                continue
            kept[key] = len(result)
            result.append(candidate)
        for key, index in kept.items():
            if key in repeats:
                candidate = result[index]
                note = f"the same claim appears in {repeats[key]} other sentence(s); the most confident is kept"
                result[index] = replace(candidate, reasons=(*candidate.reasons, note))
        return result
