"""Sourcing: quote spans, speech vs other quoted words, speakers, attributions and sources.

Every snippet here was written for these tests; the people, places and events are invented.
"""

from __future__ import annotations

import importlib.util
import math
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credibility.document import parse_document
from credibility.features.sourcing import Sourcing
from credibility.quotes import find_quote_spans
from credibility.speakers import lexicon


def evidence(text: str) -> dict:
    return Sourcing().extract(parse_document(text)).evidence


# name -> (text, [(quoted words, speaker, role, kind), ...])
QUOTES = {
    "said_name_role_after": (
        '"The harbor has never been this busy," said Elena Marsh, former port authority '
        "director of planning. Ships now wait two days to dock.",
        [("The harbor has never been this busy", "Elena Marsh",
          "former port authority director of planning", "named")],
    ),
    "name_role_before_said": (
        'Omar Lindqvist, acting head of the Coast Guard, said "we are stretched thinner than at '
        'any point in a decade."',
        [("we are stretched thinner than at any point in a decade.", "Omar Lindqvist",
          "acting head of the Coast Guard", "named")],
    ),
    "name_said_colon": (
        'Priya Natarajan said: "The budget does not add up, and everyone in this building knows '
        'it."',
        [("The budget does not add up, and everyone in this building knows it.",
          "Priya Natarajan", None, "named")],
    ),
    "quote_then_name_said": (
        '"We will appeal the ruling on Monday," Natarajan said.',
        [("We will appeal the ruling on Monday", "Natarajan", None, "named")],
    ),
    "pronoun_after_named_subject": (
        'Carl Feeney spent thirty years repairing ferries. "Nobody asked us before they cut the '
        'routes," he said.',
        [("Nobody asked us before they cut the routes", "Carl Feeney", None, "named")],
    ),
    "pronoun_after_named_speaker": (
        '"The fund is empty," said Nora Quist, the county treasurer. Reserves ran out in May. '
        '"We borrowed to make payroll," she said.',
        [("The fund is empty", "Nora Quist", "county treasurer", "named"),
         ("We borrowed to make payroll", "Nora Quist", "county treasurer", "named")],
    ),
    "second_quote_same_speaker": (
        '"This is a turning point," said Rosa Delgado, the union\'s chief negotiator. "Nothing '
        'like this agreement has been signed before."',
        [("This is a turning point", "Rosa Delgado", "union's chief negotiator", "named"),
         ("Nothing like this agreement has been signed before.", "Rosa Delgado",
          "union's chief negotiator", "named")],
    ),
    "role_before_name_partial_quote": (
        'Chilean energy analyst Tomas Reyes suggested that the ministry made this "quiet '
        'retreat" to calm the markets before the vote.',
        [("quiet retreat", "Tomas Reyes", "Chilean energy analyst", "named")],
    ),
    "organization_speaker": (
        '"No decision has been made about the deployment," the Pentagon said in a statement.',
        [("No decision has been made about the deployment", "the Pentagon", None,
          "organization")],
    ),
    "anonymous_speaker": (
        '"The talks could collapse by Friday," a source familiar with the negotiations said.',
        [("The talks could collapse by Friday", "a source familiar with the negotiations", None,
          "anonymous")],
    ),
    "unattributed": (
        'The flyer on the door was blunt. "Vote no on the levy or lose your home."',
        [("Vote no on the levy or lose your home.", None, None, "unattributed")],
    ),
    "told_network": (
        'Gov. Hal Benning told CNN "the state will not pay for a federal mistake."',
        [("the state will not pay for a federal mistake.", "Hal Benning", "Gov.", "named")],
    ),
    "wrote_with_title": (
        'In a letter to members, Dr. Ines Kowalski wrote, "Our clinics cannot absorb another '
        'cut."',
        [("Our clinics cannot absorb another cut.", "Ines Kowalski", "Dr.", "named")],
    ),
    "according_to_with_title": (
        'According to Sen. Maya Torres, "the committee never saw the final draft."',
        [("the committee never saw the final draft.", "Maya Torres", "Sen.", "named")],
    ),
    "president_title": (
        '"We are not going to back down," President Alma Ruiz said at the rally.',
        [("We are not going to back down", "Alma Ruiz", "President", "named")],
    ),
    "curly_marks_and_apostrophes": (
        "Don’t expect the ’90s prices to return. “We’re done with cheap fuel,” said Ken Aoki, "
        "Osaka’s trade chief.",
        [("We’re done with cheap fuel", "Ken Aoki", "Osaka’s trade chief", "named")],
    ),
    "nested_single_quotes": (
        "\"She told me, 'Don't sign anything,' and I listened,\" said Beth Romano.",
        [("She told me, 'Don't sign anything,' and I listened", "Beth Romano", None, "named")],
    ),
    "split_quote_around_attribution": (
        '"We filed on time," said Jonas Weber, the clinic director, "and we were still refused."',
        [("We filed on time", "Jonas Weber", "clinic director", "named"),
         ("and we were still refused.", "Jonas Weber", "clinic director", "named")],
    ),
    "she_skips_a_man_for_the_last_woman_named": (
        '"We are ready," said Donald Weir, the team captain. Martha Lind disagreed with the '
        'plan. "Nobody told us," she said.',
        [("We are ready", "Donald Weir", "team captain", "named"),
         ("Nobody told us", "Martha Lind", None, "named")],
    ),
    "she_never_resolves_to_a_man": (
        '"We are ready," said Donald Weir. "Nobody told us anything," she said.',
        [("We are ready", "Donald Weir", None, "named"),
         ("Nobody told us anything", None, None, "unattributed")],
    ),
    "comma_saying_takes_the_sentence_subject": (
        'Aldo Brant closed the meeting early, saying "the numbers speak for themselves."',
        [("the numbers speak for themselves.", "Aldo Brant", None, "named")],
    ),
    "document_speaker": (
        '"We reject the ruling," the letter read.',
        [("We reject the ruling", "the letter", None, "organization")],
    ),
    "according_to_after_the_quote": (
        '"I stand with the workers," according to a statement from the union.',
        [("I stand with the workers", "a statement from the union", None, "organization")],
    ),
    "definite_role_needs_a_recent_named_speaker": (
        '"The plan works," said Ana Ruiz. The vote was held on Tuesday. Turnout was low. Many '
        'residents stayed home. "We need more time," the senator said.',
        [("The plan works", "Ana Ruiz", None, "named"),
         ("We need more time", None, None, "unattributed")],
    ),
    "definite_role_resolves_to_the_speaker_before": (
        '"Rates will rise," said Paulo Reis. "Not this year," the governor added.',
        [("Rates will rise", "Paulo Reis", "governor", "named"),
         ("Not this year", "Paulo Reis", "governor", "named")],
    ),
    "pronoun_prefers_the_subject_just_before": (
        '"Growth is slow," said Darlene Burcham, the city manager. Beth Doughty of the Regional '
        'Partnership agrees. "People want quick wins," she says.',
        [("Growth is slow", "Darlene Burcham", "city manager", "named"),
         ("People want quick wins", "Beth Doughty", None, "named")],
    ),
    "sentence_opening_word_is_not_a_name": (
        '"The fund is empty," said Nora Quist. Reserves ran out in May. "We borrowed," she said.',
        [("The fund is empty", "Nora Quist", None, "named"),
         ("We borrowed", "Nora Quist", None, "named")],
    ),
    "attribution_goes_on_after_the_verb": (
        '"Can I have the whole hour?" Lena Ortiz said when asked about her rival.',
        [("Can I have the whole hour?", "Lena Ortiz", None, "named")],
    ),
    "fresh_statement_after_a_quote_is_not_its_attribution": (
        'The ministry called it "a deliberate provocation." The embassy said it was an accident.',
        [("a deliberate provocation.", "The ministry", None, "organization")],
    ),
    "indefinite_unnamed_person": (
        '"Nobody there knows him," says one veteran investor in Kyiv.',
        [("Nobody there knows him", "one veteran investor in Kyiv", None, "anonymous")],
    ),
    "possessive_opens_the_speaker_phrase": (
        '"She does not need him," her friend Ada Quell said in 1998.',
        [("She does not need him", "Ada Quell", "friend", "named")],
    ),
    "definite_partisan_resolves_to_the_senator_before": (
        "Sen. Omar Bly of Delaware said on Tuesday that the meeting was refused. "
        '"We asked twice," the Delaware Democrat told reporters.',
        [("We asked twice", "Omar Bly", "Sen.", "named")],
    ),
    "document_that_reads": (
        'The campaign sent supporters an email. "Stay healthy with us," the email reads.',
        [("Stay healthy with us", "the email", None, "organization")],
    ),
    "dash_attribution": (
        '"Rather than end the program, the agency doubled it." —Dana Stone, President of ACRE '
        "In a report released Monday, the group asked for more.",
        [("Rather than end the program, the agency doubled it.", "Dana Stone",
          "President of ACRE", "named")],
    ),
    "saying_after_an_attribution_keeps_its_speaker": (
        '"Do not tell me it is raining!" Tom Reyes said, noting that the mayor should "admit it."',
        [("Do not tell me it is raining!", "Tom Reyes", None, "named"),
         ("admit it.", "Tom Reyes", None, "named")],
    ),
    "surname_that_is_a_title_word": (
        '"We will win," King said, laughing.',
        [("We will win", "King", None, "named")],
    ),
    "pronoun_after_a_multi_sentence_quote": (
        '"It was slow," said Darlene Burch. Beth Dory of the Regional Partnership agrees. "People '
        'want a silver bullet. It is like spinning plates," she says.',
        [("It was slow", "Darlene Burch", None, "named"),
         ("People want a silver bullet. It is like spinning plates", "Beth Dory", None, "named")],
    ),
    "coordinated_verb_takes_the_appositive_subject": (
        "The envoy to the UN, Sara Pell, expressed regret, but added that, \"Even by their "
        'standards, this is cynical."',
        [("Even by their standards, this is cynical.", "Sara Pell", None, "named")],
    ),
    "participle_after_an_opening_clause": (
        "Before the broadcast began, Lester Holm seemed to reveal his plan, telling the audience "
        'he wanted to "facilitate" the talk.',
        [("facilitate", "Lester Holm", None, "named")],
    ),
    "colon_attribution_belongs_to_the_next_quote": (
        'They are dubbing the project "LeakHunt." The Capitol Beacon reported: "The group asked '
        'for videos."',
        [("The group asked for videos.", "The Capitol Beacon", None, "organization")],
    ),
    "indefinite_partisan_is_anonymous": (
        '"She has one chance left," said an Ohio Republican.',
        [("She has one chance left", "an Ohio Republican", None, "anonymous")],
    ),
}


@pytest.mark.parametrize("name", sorted(QUOTES))
def test_quote_speakers(name):
    text, expected = QUOTES[name]
    got = [(q["text"], q["speaker"], q["role"], q["kind"]) for q in evidence(text)["quotes"]]
    assert got == expected


# name -> (text, [(quoted words, reason), ...])
NON_SPEECH = {
    "nickname_between_names": (
        'The trial of Luis "El Zorro" Bastidas opened on Tuesday.',
        [("El Zorro", "nickname")],
    ),
    "known_as": (
        'He ran a smuggling ring known as "The Night Riders," prosecutors said.',
        [("The Night Riders", "nickname")],
    ),
    "scare_quote": (
        'Yes, this is the same "emergency" that the council invented last spring.',
        [("emergency", "scare_quote")],
    ),
    "show_title": (
        'She made the remarks on "The Morning Desk." Viewers called in for hours.',
        [("The Morning Desk.", "title")],
    ),
    "designation": (
        'The groups were designated as "hostile foreign networks" by the ministry.',
        [("hostile foreign networks", "designation")],
    ),
    "word_mentioned": (
        'Reporters noted that she stressed the word "temporary" twice.',
        [("temporary", "scare_quote")],
    ),
}


@pytest.mark.parametrize("name", sorted(NON_SPEECH))
def test_non_speech_quotes(name):
    text, expected = NON_SPEECH[name]
    ev = evidence(text)
    assert [(q["text"], q["reason"]) for q in ev["non_speech_quotes"]] == expected
    assert ev["quotes"] == []


# name -> (text, [(attribution text, speaker, role, kind, verb), ...])
ATTRIBUTIONS = {
    "pledged": (
        "U.S. Attorney General Lena Park pledged to pursue every case to the fullest extent.",
        [("U.S. Attorney General Lena Park pledged", "Lena Park", "U.S. Attorney General",
          "named", "pledged")],
    ),
    "according_to_authorities_and_prosecutors": (
        "The shipments were seized in four ports, according to Peruvian authorities. "
        "According to prosecutors, the network earned millions.",
        [("according to Peruvian authorities", "Peruvian authorities", None, "organization",
          "according to"),
         ("According to prosecutors", "prosecutors", None, "organization", "according to")],
    ),
    "said_that": (
        "Governor Ray Holt said that the budget would be balanced by June.",
        [("Governor Ray Holt said", "Ray Holt", "Governor", "named", "said")],
    ),
    "told_reporters": (
        "Mayor Dana Cole told reporters the vote would happen next week.",
        [("Mayor Dana Cole told", "Dana Cole", "Mayor", "named", "told")],
    ),
    "claimed": (
        "Senator Joe Brandt claimed the numbers were fabricated.",
        [("Senator Joe Brandt claimed", "Joe Brandt", "Senator", "named", "claimed")],
    ),
    "officials_said": (
        "Officials said the bridge would reopen in the spring.",
        [("Officials said", "Officials", None, "anonymous", "said")],
    ),
    "sources_say": (
        "Sources say the deal is already signed.",
        [("Sources say", "Sources", None, "anonymous", "say")],
    ),
    "people_briefed_on": (
        "People briefed on the plan said it would cost billions.",
        [("People briefed on the plan said", "People briefed on the plan", None, "anonymous",
          "said")],
    ),
    "senior_official": (
        "A senior administration official said the sanctions would be lifted.",
        [("A senior administration official said", "A senior administration official", None,
          "anonymous", "said")],
    ),
    "condition_of_anonymity": (
        "One official, who spoke on condition of anonymity, said the report was delayed.",
        [("One official, who spoke on condition of anonymity, said", "One official", None,
          "anonymous", "said")],
    ),
    "source_close_to": (
        "A source close to the governor's office said staff were told to stay quiet.",
        [("A source close to the governor's office said", "A source close to the governor's "
          "office", None, "anonymous", "said")],
    ),
    "time_after_the_speaker": (
        "Members of the city council last week said the audit was overdue.",
        [("Members of the city council last week said", "Members of the city council", None,
          "organization", "said")],
    ),
    "definite_reference_merges": (
        "The fee will rise by $6, according to the county budget office. The final figure "
        "depends on interest rates, the office said.",
        [("according to the county budget office", "the county budget office", None,
          "organization", "according to"),
         ("the office said", "the county budget office", None, "organization", "said")],
    ),
}


@pytest.mark.parametrize("name", sorted(ATTRIBUTIONS))
def test_indirect_attributions(name):
    text, expected = ATTRIBUTIONS[name]
    doc = parse_document(text)
    records = Sourcing().extract(doc).evidence["attributions"]
    got = [(a["text"], a["speaker"], a["role"], a["kind"], a["verb"]) for a in records]
    assert got == expected
    for a in records:
        assert doc.text[a["start"] : a["end"]] == a["text"]


def test_attribution_phrases_of_quotes_are_not_counted_again():
    ev = evidence('"We expected this," said Mike Ortega, a retired judge.')
    assert len(ev["quotes"]) == 1
    assert ev["attributions"] == []


def test_sources_merge_surname_mentions_and_count_quotes():
    text = (
        '"We expected this," said Mike Ortega, a retired judge. Ortega added that the law was '
        'unclear. "It will end up in court," Ortega said. Officials said the case was closed.'
    )
    assert evidence(text)["sources"] == [
        {"name": "Mike Ortega", "role": "retired judge", "kind": "named", "quotes": 2,
         "mentions": 3},
        {"name": "Officials", "role": None, "kind": "anonymous", "quotes": 0, "mentions": 1},
    ]


def test_same_surname_different_first_names_are_two_people():
    text = (
        '"I am running," said Dora Vance. "He is not ready," said Felix Vance, her brother.'
    )
    names = [s["name"] for s in evidence(text)["sources"]]
    assert names == ["Dora Vance", "Felix Vance"]


def test_multi_paragraph_quote_is_one_quote():
    text = (
        '"The river rose two feet overnight," said Ida Brennan, the county engineer. "We moved '
        'the pumps at dawn.\n\n"By noon the levee was holding," she said.'
    )
    quotes = evidence(text)["quotes"]
    assert len(quotes) == 2
    assert quotes[1]["text"].startswith("We moved the pumps")
    assert quotes[1]["text"].endswith("By noon the levee was holding")
    assert {q["speaker"] for q in quotes} == {"Ida Brennan"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Don't panic: it's the '90s rock 'n' roll revival at Trump's club.", []),
        ('He said "yes" and then "no."', ["yes", "no."]),
        ("“Curly,” he said, “and ‘nested’ too.”", ["Curly", "and ‘nested’ too."]),
        ("The coach said the 'plan' is working.", ["plan"]),
        ("The players' union said 'enough' on Friday.", ["enough"]),
        # a mark that is never closed ends at its sentence; later quotes are still found
        ('She called it "a disgrace and left. Later, "We will rebuild," said Tom Price.',
         ["a disgrace and left.", "We will rebuild"]),
        # ... at its first sentence end, even when the next quote opens sentences later
        ('Ann said "we will win. The count starts at noon, and the clerk called it "a formality."',
         ["we will win.", "a formality."]),
        # a quote opened mid-sentence and never closed does not swallow narrative sentences
        ('She called him "a fraud at every level. At the rally she spoke for an hour. "Stay home,"'
         " she said.", ["a fraud at every level.", "Stay home"]),
        # a mark between spaces never opens a quote
        ('He said "it is over." " Half the town left, officials said. "We will rebuild," he said.',
         ["it is over.", "We will rebuild"]),
        # a closing mark after a dash ends an interrupted quote; an opening one after a comma opens
        ("He said, “I won’t advertise, but Dr. Reefer—”holding up a photo. It was a billboard.",
         ["I won’t advertise, but Dr. Reefer—"]),
        ("The report, titled,“Roads and Bridges,” was released.", ["Roads and Bridges"]),
        # a closing mark with no opening one is ignored
        ('The vote was close." Then "it passed," the clerk said.', ["it passed"]),
        ("A 12\" pipe burst.", []),
        # a closing mark typed as an opening one, after a space or glued to the next word
        ("Ranchers keep the “horse culture “ of the plains alive.", ["horse culture"]),
        ("He boasts of “a great bond with farmers“while polls say otherwise.",
         ["a great bond with farmers"]),
        # a double-quoted title inside a double-quoted quote: the outer quote goes on
        ("She said, “My uncle gave me “The Prince”, and he’s a historian.” Then she left.",
         ["My uncle gave me “The Prince”, and he’s a historian."]),
        # after a speech cue, one closing mark ends both the inner and the outer quote
        ("“I wanted to hit back, but I said to myself, “I can’t do it.” Then he left.",
         ["I wanted to hit back, but I said to myself, “I can’t do it."]),
    ],
)
def test_quote_spans(text, expected):
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == expected


def test_feature_values_on_a_sourced_snippet():
    text = (
        '"We will appeal," said Priya Natarajan, the city attorney. Officials said the ruling '
        'was expected. A "temporary" fix is in place.'
    )
    result = Sourcing().extract(parse_document(text))
    v = result.values
    assert v["n_quotes"] == 1.0
    assert v["n_attributions"] == 1.0
    assert v["distinct_sources"] == 2.0
    assert v["distinct_named_sources"] == 1.0
    assert v["named_quote_share"] == 1.0
    assert v["unattributed_quote_share"] == 0.0
    assert v["anonymous_share"] == pytest.approx(0.5)
    words = parse_document(text).word_count
    assert v["quotes_per_1000_words"] == pytest.approx(1000.0 / words)
    assert v["quoted_word_share"] == pytest.approx(3 / words)
    assert v["attribution_density"] == pytest.approx(200.0 / words)
    assert v["scare_quote_rate"] == pytest.approx(1000.0 / words)


def test_shares_are_nan_without_quotes_and_rates_nan_without_words():
    v = Sourcing().extract(parse_document("The council met on Tuesday.")).values
    assert v["n_quotes"] == 0.0
    assert math.isnan(v["named_quote_share"]) and math.isnan(v["anonymous_share"])
    assert v["quotes_per_1000_words"] == 0.0
    empty = Sourcing().extract(parse_document("")).values
    assert math.isnan(empty["quotes_per_1000_words"]) and math.isnan(empty["quoted_word_share"])
    assert set(empty) == set(Sourcing.feature_names)


@pytest.mark.parametrize(
    "name",
    ["speech_verbs", "quote_verbs", "anonymous_sources", "anonymity_markers", "role_words",
     "organizations", "first_names_he", "first_names_she"],
)
def test_lexicons_have_a_header_and_entries(name):
    path = resources.files("credibility").joinpath("data", "lexicons", f"{name}.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert any("Licence: MIT" in line for line in header)
    entries = lexicon(name)
    assert len(entries) >= 10
    assert all(e == e.strip().lower() and not e.startswith("#") for e in entries)


_pieces = st.sampled_from(
    ['"', "'", "“", "”", "‘", "’", " ", "\n", "\n\n", ".", ",", "said ", "Jane Roe ", "he ",
     "officials ", "according to ", "the Pentagon ", "known as ", "word ", "a ", "X", "don't "]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_pieces, max_size=60).map("".join))
def test_any_text_gives_valid_records_and_values(text):
    doc = parse_document(text)
    result = Sourcing().extract(doc)
    ev = result.evidence
    for key in ("quotes", "non_speech_quotes", "attributions"):
        for rec in ev[key]:
            assert 0 <= rec["start"] < rec["end"] <= len(doc.text)
            assert doc.text[rec["start"] : rec["end"]] == rec["text"]
    for q in ev["quotes"]:
        assert q["kind"] in ("named", "organization", "anonymous", "unattributed")
    for q in ev["non_speech_quotes"]:
        assert q["reason"] in ("nickname", "title", "designation", "scare_quote")
    spans = sorted((q["start"], q["end"]) for q in ev["quotes"] + ev["non_speech_quotes"])
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    for s in ev["sources"]:
        assert s["mentions"] >= s["quotes"] >= 0
    for name, value in result.values.items():
        assert isinstance(value, float)
        if math.isnan(value):
            continue
        assert value >= 0.0, name
        if "share" in name:
            assert value <= 1.0, name


def test_eval_script_exits_2_with_a_clear_message_without_the_data(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location(
        "eval_quotes", Path(__file__).parent.parent / "scripts" / "eval_quotes.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--data", str(tmp_path / "missing")]) == 2
    assert "articles.csv" in capsys.readouterr().err
