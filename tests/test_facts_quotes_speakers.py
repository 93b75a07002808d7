"""Quote speakers by every form an attribution takes: any reporting verb, the speaker after
the verb ("…, said the President"), a title held by several persons, a country's office,
another name of an office, a generic noun ("the diplomat"), a body ("the Kelland side")
that is never the nearest person, a subject with a relative clause, a pronoun that goes on
with the last sayer; one-word quotes a saying clause words; doubled quote marks; and never
two speakers for one quotation."""

from __future__ import annotations

import pytest
from mapping_support import AUG_21, article_of, quotes_of

pytestmark = pytest.mark.slow

MEETING = "Prime Minister John Banda met Foreign Minister Alberto Kovac on Monday.\n\n"
WORDS = "Our two countries will work together for many years"


@pytest.mark.parametrize(
    "verb",
    ["acknowledged", "emphasised", "declared", "noted", "promised", "underlined", "explained"],
)
def test_any_reporting_verb_attributes(nlp, verb):
    body = MEETING + f'"{WORDS}," Kovac {verb}.'
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, "Alberto Kovac")]


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [
        # the speaker after the verb
        (" said Spokesperson Mira Tolvan.", "Mira Tolvan"),
        (" elaborated Kovac.", "Alberto Kovac"),
        # the source "according to" after the quotation
        (" according to Kovac.", "Alberto Kovac"),
        # a dash between the quotation and its speaker
        (" - the Prime Minister said.", "John Banda"),
        (" – said Kovac.", "Alberto Kovac"),
        # a title, then the name in apposition, then where: the first person is the speaker
        (
            " mentioned the ministry spokesman, Mira Tolvan at the ministry, Jakarta, Thursday.",
            "Mira Tolvan",
        ),
    ],
)
def test_speaker_after_the_verb(nlp, tail, speaker):
    body = MEETING + f'"{WORDS},"{tail}'
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, speaker)]


_SPOKESMAN = (
    "President Arlo Venn landed in Lusaka on Wednesday for a state visit.\n"
    "His spokesman, Tomas Brevik, who announced the trip in a statement on Thursday, said "
    "Venn and his host would open the joint commission on Thursday.\n"
    "Brevik said, 12 accords had been signed at the commission. He added that the talks "
    "would take stock of the accords.\n"
)
_INVITED = (
    "My Kaldorian colleague has asked me to come to Vell in the second week of July. I intend "
    "to go there for a round of talks with Foreign Minister Tomas Brevik, and I expect much "
    "of them"
)


@pytest.mark.parametrize(
    ("before", "words", "after", "speaker"),
    [
        # "he" after the quotation is one told before it, not the subject of its own
        # sentences ("President Venn is ..."): the spokesman who said the rest
        (
            _SPOKESMAN + '"',
            "President Venn is in Zambia on a state visit. While in Zambia, the two presidents "
            "will look at the border crossings",
            '," he said.',
            "Tomas Brevik",
        ),
        # a second paragraph that lost its opening mark goes on with the first
        (
            "Foreign Minister Arlo Venn met Tomas Brevik on Wednesday, spokesperson Ana Velor "
            'said on Thursday.\n\n"',
            "The two ministers walked along the river after the talks ended.\n\nThen they sat "
            "down for a long lunch with their teams",
            '," Velor told a briefing.',
            "Ana Velor",
        ),
        # the points of "K.R." end no attribution; the parser splits the quotation's sentences
        (
            '"',
            _INVITED,
            '," External Affairs Minister K.R. Dalumpe told reporters.',
            "K.R. Dalumpe",
        ),
    ],
)
def test_a_quotation_told_over_lines_and_its_speaker(nlp, before, words, after, speaker):
    found = quotes_of(nlp, before + words + after, AUG_21)
    assert found == [(words.replace("\n\n", " "), speaker)]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # two presidents: the one named last before the quotation
        (
            "President Ana Mirel met President Joko Tavisa on Monday.\n\n"
            "President Tavisa welcomed the visitors.\n\n"
            f'"{WORDS}," the President said.',
            "Joko Tavisa",
        ),
        # ... but one named last only as the one an event is of, the subject of no sentence:
        # the holder the story names most
        (
            "President Ana Mirel received Foreign Minister Tom Greel on Monday. President "
            "Mirel thanked him for the invitation.\n\nAttention was paid to the coming visit "
            f'of President Joko Tavisa.\n\n"{WORDS}," the President said.',
            "Ana Mirel",
        ),
        # two holders told in that one sentence: its subject, whom the story follows
        (
            "Foreign Minister Piet Vorlan met Foreign Minister Ana Kessel on Monday.\n\n"
            f'"{WORDS}," the minister declared.',
            "Piet Vorlan",
        ),
        (
            "Foreign Minister Ana Kessel was received by Foreign Minister Piet Vorlan.\n\n"
            f'"{WORDS}," the minister declared.',
            "Ana Kessel",
        ),
        # a country's office
        (
            "Danish Prime Minister Lars Bekkeby met Estonian Prime Minister Ivo Kaskmaa.\n\n"
            f'"{WORDS}," the Danish Prime Minister said.',
            "Lars Bekkeby",
        ),
        # another name of an office: a Latin American "Chancellor" is the foreign minister
        (
            "Foreign Minister Alma Ruizpena received Ambassador Tom Greel.\n\n"
            f'"{WORDS}," the Chancellor declared.',
            "Alma Ruizpena",
        ),
        # a colon clause names the speaker, whatever the next sentence reports
        (
            "Prime Minister Edda Marrin met Chancellor Rolf Tessing in Vardo.\n\n"
            f'Speaking after the talks, the Chancellor declared: "{WORDS}." She added that '
            "the two governments would meet again in the autumn.",
            "Rolf Tessing",
        ),
        # a generic noun: the last person told saying something
        (
            "Foreign Minister Piet Vorlan will travel to Vientiane, Spokeswoman Mira Tolvan "
            f'said.\n\n"{WORDS}," the diplomat said.',
            "Mira Tolvan",
        ),
    ],
)
def test_speaker_by_title(nlp, body, speaker):
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, speaker)]


def test_a_country_side_is_its_ministry(nlp):
    body = (
        "Foreign Minister Piet Vorlan arrived in Moscow, the Russian Foreign Ministry said.\n\n"
        f'The Russian side said in a statement: "{WORDS}."'
    )
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, "Ministry of Foreign Affairs of Russia")]


def test_a_body_by_its_acronym(nlp):
    body = (
        "In a statement, the Kelland Trade Office (KTO) said Banda would visit in May.\n\n"
        f'"{WORDS}," the KTO said.'
    )
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, "Kelland Trade Office")]


def test_a_title_as_written_before_the_name(nlp):
    """A title the role layer does not read is still the one written before the name."""
    body = (
        "Deputy Prime Minister and Foreign Minister Senator Omar Haldez called Foreign "
        "Minister Ivo Kaskmaa on Tuesday.\n\n"
        'The Deputy Prime Minister said Kelland valued the talks as "a voice of reason".'
    )
    assert quotes_of(nlp, body, AUG_21) == [("a voice of reason", "Omar Haldez")]


@pytest.mark.parametrize(
    "attribution",
    ["the Kelland side said in a statement", "the delegation said in its statement"],
)
def test_a_body_is_not_the_nearest_person(nlp, attribution):
    # a body the article does not name is no one the quotation can be given to
    body = MEETING + f'"{WORDS}," {attribution}.'
    assert quotes_of(nlp, body, AUG_21) == []


def test_a_relative_clause_is_not_the_speaker(nlp):
    body = MEETING + (
        f'"{WORDS}," Mira Tolvan, who met Banda in Lusaka, told a news briefing on Monday.'
    )
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, "Mira Tolvan")]


def test_a_subject_with_a_relative_clause_words_a_fragment(nlp):
    body = MEETING + (
        "Kovac, who arrived in Lusaka at Banda's invitation, said his country viewed "
        'Zambia as "a brother and a neighbour."'
    )
    assert quotes_of(nlp, body, AUG_21) == [("a brother and a neighbour", "Alberto Kovac")]


def test_a_pronoun_goes_on_with_the_last_sayer(nlp):
    body = MEETING + (
        "Kovac said trade had doubled.\n\n"
        "Banda said the new road would open in May. "
        f'"{WORDS}," he said.'
    )
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, "John Banda")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a saying verb joined to another, without a subject of its own, says for its subject
        (
            MEETING + "Banda said the new road would open in May.\n\n"
            "The foreign minister conveyed greetings from his government and said that trade "
            f'had doubled. "{WORDS}," he said.',
            [(WORDS, "Alberto Kovac")],
        ),
        # a generic noun of a country is that country's person, not the last sayer of any
        (
            "Prime Minister John Banda of Zambia met Foreign Minister Alberto Kovac of Croatia "
            f'on Monday.\n\n"{WORDS}," Banda told reporters.\n\nThe Croatian diplomat, for '
            'his part, described the talks as "open and useful".',
            [(WORDS, "John Banda"), ("open and useful", "Alberto Kovac")],
        ),
        # the source "according to" names is a sayer, whom a later "he wrote" goes on with
        (
            MEETING + f'"{WORDS}," Banda said after the meeting.\n\nAccording to Kovac, the two '
            'sides discussed the new road. "The road will open in May," he wrote on social media.',
            [(WORDS, "John Banda"), ("The road will open in May", "Alberto Kovac")],
        ),
        # one the quotation names saying something is the speaker's words, no sayer of the
        # reporter's: the pronoun after the next one goes on with the speaker
        (
            MEETING + f'"{WORDS}," Banda said. "Mr. Kovac and I agreed on this."\n\n'
            '"The road will open in May," he said.',
            [
                (WORDS, "John Banda"),
                ("Mr. Kovac and I agreed on this", "John Banda"),
                ("The road will open in May", "John Banda"),
            ],
        ),
    ],
    ids=["joined-saying-verb", "generic-noun-of-a-country", "according-to", "named-in-a-quote"],
)
def test_who_a_later_attribution_means(nlp, body, expected):
    assert quotes_of(nlp, body, AUG_21) == expected


def test_a_pronoun_after_a_quote_by_name_goes_on_with_its_speaker(nlp):
    body = MEETING + (
        f'"{WORDS}," said Spokesperson Mira Tolvan.\n\n'
        "Banda and Kovac are the co-chairs of the forum.\n\n"
        '"The forum will meet again next year in Lusaka," she continued.'
    )
    assert [s for _, s in quotes_of(nlp, body, AUG_21)] == ["Mira Tolvan", "Mira Tolvan"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('Kovac described the talks as "indispensable".', [("indispensable", "Alberto Kovac")]),
        (
            'Banda praised the role of Zambia, describing it as "pivotal".',
            [("pivotal", "John Banda")],
        ),
        # a scare-quoted manner is no one's words
        ('Banda said they would "wisely" manage the issues.', []),
        # no one is told saying a scare-quoted word
        ('The deal was "historic" for both.', []),
        # ... nor one that qualifies a noun after it
        ('Banda called for a "fair" distribution of the costs.', []),
        ('Kovac urged a "gradual" approach, Banda said.', []),
    ],
)
def test_one_word_quotes_need_a_saying_clause(nlp, sentence, expected):
    assert quotes_of(nlp, MEETING + sentence, AUG_21) == expected


def test_doubled_quote_marks_are_one_mark(nlp):
    body = MEETING + (
        'Banda said the two countries ""share many interests and goals.""\n\n'
        'Kovac thanked Banda for a ""compromise"" on the treaty.'
    )
    assert quotes_of(nlp, body, AUG_21) == [
        ("share many interests and goals", "John Banda"),
        ("compromise", "Alberto Kovac"),
    ]


def test_and_then_a_verb_is_no_attribution(nlp):
    body = MEETING + (
        'Kovac said Zambia would stand by Kelland "in every field, from trade to schools," '
        "and announced that a new road would open in May."
    )
    assert quotes_of(nlp, body, AUG_21) == [
        ("in every field, from trade to schools", "Alberto Kovac")
    ]


def test_a_quotation_never_has_two_speakers(nlp):
    """Whatever attributes them, each quotation keeps one speaker or none (the shapes allow
    no more, and ingest rejects an article whose graph they reject)."""
    from communique.mapping.pipeline import map_article
    from communique.ontology.namespace import DIP
    from communique.shapes.validate import validate_graph

    body = MEETING + (
        f'"{WORDS}," Banda said, adding that Kovac "agreed with every word."\n\n'
        f'"{WORDS}," said Kovac, who thanked Banda.\n\n'
        f'"{WORDS}," the Prime Minister and the Foreign Minister said.\n\n'
        f'"{WORDS}," the two sides said in a statement.'
    )
    graph = map_article(article_of(body, AUG_21, dateline=False), nlp=nlp).graph
    quotations = set(graph.subjects(None, DIP.Quotation))
    assert quotations
    assert all(len(list(graph.objects(q, DIP.speaker))) <= 1 for q in quotations)
    assert validate_graph(graph).conforms


def test_a_quote_mark_left_open_does_not_pair_across_paragraphs(nlp):
    body = MEETING + (
        f'Banda spoke of "the ports of the region.\n\nKovac agreed. "{WORDS}," Banda said.'
    )
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, "John Banda")]


def test_a_quotation_over_two_paragraphs(nlp):
    """A paragraph that leaves its quotation open goes on in the next one, which tells the
    speaker."""
    body = MEETING + (
        f'"Our ports are open to every partner in the region.\n\n"{WORDS}," Banda said.'
    )
    assert quotes_of(nlp, body, AUG_21) == [
        ("Our ports are open to every partner in the region", "John Banda"),
        (WORDS, "John Banda"),
    ]


def test_a_quotation_over_two_paragraphs_in_single_marks(nlp):
    """The same in single curly marks, whose closing one is also the apostrophe."""
    body = MEETING + (
        "‘The minister’s guest also met the Orvanian envoy in Lilongwe today.\n\n"
        f"‘{WORDS},’ Banda said."
    )
    assert quotes_of(nlp, body, AUG_21) == [
        ("The minister’s guest also met the Orvanian envoy in Lilongwe today", "John Banda"),
        (WORDS, "John Banda"),
    ]


def test_a_paragraph_that_closes_a_mark_it_never_opened(nlp):
    """Copy may lose a paragraph's opening mark: a typographic closing mark with no mark
    before it in its paragraph closes a quotation from the paragraph's start."""
    body = MEETING + (
        "“We hope that trade will double,” Banda said.\n\nI have asked the minister to "
        "remove every barrier to our exports,” Banda added.\n\nKovac agreed."
    )
    assert quotes_of(nlp, body, AUG_21) == [
        ("We hope that trade will double", "John Banda"),
        ("I have asked the minister to remove every barrier to our exports", "John Banda"),
    ]


KENYA = (
    "Prime Minister John Banda of Malawi met Foreign Minister Alberto Kovac of Kenya on Monday.\n\n"
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a body the article names speaks as that body, named in full or by its kind
        (
            KENYA + f'"{WORDS}," the Ministry of Foreign Affairs of Kenya said.',
            [(WORDS, "Ministry of Foreign Affairs of Kenya")],
        ),
        (
            "The Ministry of Foreign Affairs of Kenya hosted the talks.\n\n"
            + KENYA
            + f'"{WORDS}," the ministry said in a statement.',
            [(WORDS, "Ministry of Foreign Affairs of Kenya")],
        ),
        # the head of state's office, named by "the Presidency" alone
        (KENYA + f'"{WORDS}," the Presidency said in a statement.', [(WORDS, "Presidency")]),
        # an office named before a colon: its one holder in the article
        (KENYA + f'The Foreign Minister declared: "{WORDS}."', [(WORDS, "Alberto Kovac")]),
        # the passive "was quoted as saying", after the quotation or before it
        (
            KENYA + f'"{WORDS}," Kovac was quoted as saying by the state news agency.',
            [(WORDS, "Alberto Kovac")],
        ),
        (
            KENYA + f'The Foreign Minister was quoted as saying: "{WORDS}."',
            [(WORDS, "Alberto Kovac")],
        ),
        # a short sentence of its own is quoted so too (not a fragment: called it "useful")
        (
            KENYA + '"We are partners," Kovac was quoted as saying by the state news agency.',
            [("We are partners", "Alberto Kovac")],
        ),
        (KENYA + 'Kovac called the talks "Useful," the state news agency said.', []),
        # no one speaker: several, or no one the article names -> no quotation
        (KENYA + f'"{WORDS}," the two ministers said in a joint statement.', []),
        (KENYA + f'"{WORDS}," a senior official told reporters.', []),
        # reported speech without quotation marks is no quotation (direct speech in the
        # first person is: test_unmarked_direct_speech_in_the_first_person)
        (
            KENYA + "The two countries will work together for many years, said the Prime Minister.",
            [],
        ),
    ],
)
def test_bodies_offices_passives_and_no_speaker(nlp, body, expected):
    assert quotes_of(nlp, body, AUG_21) == expected


def test_a_sign_off_title_names_no_one_on_the_next_line(nlp):
    # the office the quotation names has no holder here: the name on the line after the
    # spokesperson's sign-off does not take it
    body = (
        "The Secretary-General met President Joko Tavisa in Velmora on Friday.\n\n"
        f'"{WORDS}," the Secretary-General said.\n\n'
        "Mira Tolvan, Spokesperson for the Secretary-General\n\n"
        "Port Ardan, 30 August 2024"
    )
    assert quotes_of(nlp, body, AUG_21) == []


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (f"‘{WORDS},’ Kovac said.", [(WORDS, "Alberto Kovac")]),
        (f"Kovac said: ‘{WORDS}.’", [(WORDS, "Alberto Kovac")]),
        # the closing mark is the apostrophe too: a possessive closes nothing
        (
            "Kovac said the ministers’ aides agreed. ‘Both countries’ leaders want this "
            "partnership,’ he added.",
            [("Both countries’ leaders want this partnership", "Alberto Kovac")],
        ),
        ("Kovac called the deal ‘a historic step’.", [("a historic step", "Alberto Kovac")]),
    ],
)
def test_single_quotation_marks(nlp, said, expected):
    assert quotes_of(nlp, MEETING + said, AUG_21) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # the sentence's source, when no saying verb tells the speaker
        (
            "According to Kovac, the talks were “very productive and frank in every way”.",
            [("very productive and frank in every way", "Alberto Kovac")],
        ),
        # two persons saying it together: no one speaker, so no quotation (not the nearer)
        (f'Kovac and Banda said in a joint statement: "{WORDS}."', []),
        (f'"{WORDS}," Kovac and Banda said.', []),
        # one person under two offices joined by "and" is still one speaker
        (
            f'"{WORDS}," said Deputy Prime Minister and Foreign Minister Alberto Kovac.',
            [(WORDS, "Alberto Kovac")],
        ),
    ],
)
def test_according_to_and_joint_speakers(nlp, said, expected):
    assert quotes_of(nlp, MEETING + said, AUG_21) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # any reporting verb, with the quotation's own "!" or "?"
        (f'"{WORDS}!" Kovac exclaimed.', [(WORDS + "!", "Alberto Kovac")]),
        (f'"{WORDS}?" Kovac asked.', [(WORDS + "?", "Alberto Kovac")]),
        # a journalist's name of an office, of a country in the possessive
        (f'"{WORDS}," Kenya\'s top diplomat said.', [(WORDS, "Alberto Kovac")]),
        # ... and of a head of government, whose last word is no body's ("the government")
        (f'"{WORDS}," the head of government said.', [(WORDS, "John Banda")]),
        # a transcript's layout: the name, a colon, the words
        (f'Kovac: "{WORDS}."', [(WORDS, "Alberto Kovac")]),
        (f'The talks covered three areas: "{WORDS}."', []),
        # "he" after another person agreed in between is that person, not the last quoted
        (
            f'"{WORDS}," Banda said.\n\nKovac agreed. "We will also deepen trade ties," he said.',
            [(WORDS, "John Banda"), ("We will also deepen trade ties", "Alberto Kovac")],
        ),
        # "pointed out that": a phrasal verb of saying, before a quotation in lower case
        (
            f'Kovac pointed out that "today {WORDS[0].lower() + WORDS[1:]}."',
            [("today " + WORDS[0].lower() + WORDS[1:], "Alberto Kovac")],
        ),
        # a participle of saying before the colon says with its clause's subject, not with
        # the subject of what that clause reports
        (
            f'Kovac said Kenya is ready, noting: "{WORDS}."',
            [(WORDS, "Alberto Kovac")],
        ),
        (
            f'Banda said that Kovac was right, adding: "{WORDS}."',
            [(WORDS, "John Banda")],
        ),
        # a participle of saying right before the words says with its clause's subject, not
        # with the document that reports the clause after them
        (
            f'Kovac praised the talks on energy, saying, "{WORDS}," the ministry said.',
            [(WORDS, "Alberto Kovac")],
        ),
    ],
)
def test_more_verbs_offices_and_layouts(nlp, said, expected):
    assert quotes_of(nlp, KENYA + said, AUG_21) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # "it" saying something is the body told saying something just before
        (
            "The Ministry of Foreign Affairs of Kenya said the talks were held in a warm "
            f'atmosphere. "{WORDS}," it said.',
            [(WORDS, "Ministry of Foreign Affairs of Kenya")],
        ),
        (
            "The Ministry of Foreign Affairs of Kenya said the talks were held in a warm "
            f'atmosphere. It added: "{WORDS}."',
            [(WORDS, "Ministry of Foreign Affairs of Kenya")],
        ),
        # "it" with no body saying anything before is no one
        (f'Kenya hosted the talks. "{WORDS}," it said.', []),
        # a person's spokesperson is not that person
        (f'"{WORDS}," Banda\'s spokesperson said.', []),
    ],
)
def test_it_and_a_persons_office(nlp, said, expected):
    assert quotes_of(nlp, KENYA + said, AUG_21) == expected


def test_an_office_of_a_country_named_after_it(nlp):
    # two foreign ministers: "of Malawi" picks its own, not the one named last
    body = (
        "Malawian Foreign Minister Ana Pirel met Kenyan Foreign Minister Alberto Kovac on "
        f'Monday.\n\n"{WORDS}," the Foreign Minister of Malawi said.'
    )
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, "Ana Pirel")]


def test_an_abbreviated_title_before_the_speaker_after_a_quote_of_two_sentences(nlp):
    # the parse has the quotation open in the sentence before; the words after it name "Mr."
    # and the speaker, whose title's point ends no sentence
    said = f'"{WORDS}. We agreed on fisheries too," Mr. Kovac told reporters after the meeting.'
    assert quotes_of(nlp, MEETING + said, AUG_21) == [
        (f"{WORDS}. We agreed on fisheries too", "Alberto Kovac")
    ]


def test_the_minister_is_not_the_counterpart_the_attribution_names(nlp):
    # the counterpart takes "Minister" from "the minister ... his counterpart": the one
    # named before the quotation with an office ending in it is the speaker
    body = (
        "Foreign Minister Pavel Orlin said on Wednesday that talks would resume.\n\n"
        f'"{WORDS}," the minister told reporters after talks with his Laotian counterpart '
        "Khamsay Sivong."
    )
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, "Pavel Orlin")]


@pytest.mark.parametrize(
    "who",
    [
        "the head of the Estonian diplomacy",
        "the head of Estonian diplomacy",
        "the Estonian foreign minister",
    ],
)
def test_an_office_of_a_country_held_by_the_one_whose_title_gave_none(nlp, who):
    # the dateline's minister is titled without a country; the counterpart's is known
    body = (
        "Foreign Minister Pavel Orlin met his Latvian counterpart, Ana Pirel, on Monday.\n\n"
        f'"{WORDS}," {who} underscored.'
    )
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, "Pavel Orlin")]


@pytest.mark.parametrize(
    ("paragraph", "quotes"),
    [
        # direct speech in the first person, its saying clause after the last comma
        (
            "We are opening a new chapter in our relationship, said Kovac.",
            [("We are opening a new chapter in our relationship", "Alberto Kovac")],
        ),
        (
            "Our two countries will trade more, the Foreign Minister said.",
            [("Our two countries will trade more", "Alberto Kovac")],
        ),
        # words about others, in the third person, are reported, not quoted
        ("The talks were fruitful, said Kovac.", []),
        # too short to stand as a quotation
        ("We agree, said Kovac.", []),
    ],
)
def test_unmarked_direct_speech_in_the_first_person(nlp, paragraph, quotes):
    assert quotes_of(nlp, MEETING + paragraph, AUG_21) == quotes


@pytest.mark.parametrize(
    ("paragraphs", "quotes"),
    [
        # a press release's layout: a paragraph that only says who speaks, then the words
        (
            "Foreign Minister Alberto Kovac said:\n\nKorvania is one of our closest partners "
            "and our ties have never been stronger.",
            [
                (
                    "Korvania is one of our closest partners and our ties have never been stronger",
                    "Alberto Kovac",
                )
            ],
        ),
        # words in quotation marks are read as quotations are
        (
            'Foreign Minister Alberto Kovac said:\n\n"Korvania is one of our closest partners."',
            [("Korvania is one of our closest partners", "Alberto Kovac")],
        ),
        # a saying clause inside a longer paragraph sets off nothing
        (
            "After the talks, in a statement issued by the ministry, Kovac said:\n\nThe "
            "ministers then left for the airport.",
            [],
        ),
    ],
)
def test_words_set_off_by_a_saying_paragraph(nlp, paragraphs, quotes):
    assert quotes_of(nlp, MEETING + paragraphs, AUG_21) == quotes


def test_a_name_set_off_before_its_verb_is_the_last_sayer(nlp):
    # the parser reads the name opening the sentence as a modifier, not the verb's subject
    body = (
        "French President Ana Lopes on Tuesday hosted her Kenyan counterpart William Otieno at "
        'the palace. "Kenya and France are going to act together," Lopes told reporters, '
        "standing alongside Otieno.\n\nOtieno, on a three-day state visit, urged rich nations "
        'to deliver on climate finance pledges.\n\n"Africa is not asking for charity, we are '
        'asking for fairness," he said.'
    )
    assert quotes_of(nlp, body, AUG_21) == [
        ("Kenya and France are going to act together", "Ana Lopes"),
        ("Africa is not asking for charity, we are asking for fairness", "William Otieno"),
    ]


@pytest.mark.parametrize(
    ("body", "quotes"),
    [
        # a transcript: the words after a person's label are that person's
        (
            "Spokesperson Lin Varo's regular press conference on Monday\n\nQuestion: Can you "
            "share more details of the visit?\n\nLin Varo: The two sides will sign agreements "
            "on trade and energy.",
            [("The two sides will sign agreements on trade and energy", "Lin Varo")],
        ),
        # an interview: the answers are the one its opening names
        (
            "In an interview with the Korva Times, Foreign Minister Lena Varga spoke about her "
            "visit.\n\nQ: How were the talks?\n\nA: Very open and constructive, and we agreed "
            "to meet again.",
            [("Very open and constructive, and we agreed to meet again", "Lena Varga")],
        ),
        # a label no person answers to is no speaker's
        (
            "Foreign Minister Lena Varga spoke about her visit.\n\nNote: The talks were held "
            "behind closed doors.",
            [],
        ),
    ],
)
def test_the_words_after_a_speakers_label(nlp, body, quotes):
    assert quotes_of(nlp, body, AUG_21) == quotes


@pytest.mark.parametrize(
    ("between", "quotes"),
    [
        # one brought in unnamed is "the official" after: no one the article names
        (
            "According to a Korvan official, the two sides also discussed trade.\n\n",
            [("We need a more balanced relationship", "Ana Lopes")],
        ),
        # without one, "the diplomat" is the one told saying something last
        (
            "",
            [
                ("We need a more balanced relationship", "Ana Lopes"),
                ("It was a frank exchange between partners", "Ana Lopes"),
            ],
        ),
    ],
)
def test_an_unnamed_one_told_again_is_no_one_named(nlp, between, quotes):
    body = (
        "Foreign Minister Ana Lopes met Foreign Minister Tom Arkan in Lima on Monday. "
        '"We need a more balanced relationship," Lopes told reporters.\n\n'
        f'{between}"It was a frank exchange between partners," the official said.'
    )
    assert quotes_of(nlp, body, AUG_21) == quotes


def test_he_is_the_one_who_says_not_the_one_according_to_whom_it_is_told(nlp):
    body = (
        "President Ubo Danlami has said Nigeria will deepen ties with Ghana.\n\nDanlami said "
        "this when he received the Ghanaian Minister of Foreign Affairs, Kofi Mensah, in Abuja "
        "on Wednesday.\n\nThe president, according to a statement by his Special Adviser on "
        "Media and Publicity, Mr Bayo Ladipo, said the gas project remained a priority.\n\n"
        f'"{WORDS}," he said.'
    )
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, "Ubo Danlami")]


def test_an_excerpt_of_a_statement_a_body_released_is_the_bodys(nlp):
    body = (
        "According to a communiqué published by the Ministry of Trade in Lusaka, President "
        "Arne Holt is expected to leave at noon.\n\n"
        f"“{WORDS},” reads a passage of the communiqué."
    )
    assert quotes_of(nlp, body, AUG_21) == [(WORDS, "Ministry of Trade of Zambia")]
