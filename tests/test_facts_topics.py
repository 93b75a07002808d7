"""Topics: areas of cooperation discussed, specific ones rather than their broader concept, none
from the words of an office's name, and ambiguous words only in a cooperation context."""

from __future__ import annotations

import pytest
from mapping_support import AUG_20, JAN_30, facts_of, topic_keys

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("body", "topics"),
    [
        (
            "President Almaz Tursunbekov met Minister Daniyar Sarsenbayev. They reviewed trade, "
            "economic and investment ties, energy and water resources.",
            {"trade", "economy", "investment", "energy", "water"},
        ),
        (
            "President Almaz Tursunbekov met Minister Daniyar Sarsenbayev. They discussed "
            "cooperation in the cultural-humanitarian, political and trade-economic spheres.",
            {"politics", "trade", "economy", "culture", "humanitarian"},
        ),
        (
            "President Almaz Tursunbekov met Minister Daniyar Sarsenbayev, his office said. They "
            "discussed the development of the regional situation.",
            set(),
        ),
        # wording variants of an area: an adjective with its noun, a plural body of criminals
        (
            "President Almaz Tursunbekov met Minister Daniyar Sarsenbayev. They discussed "
            "cooperation on migratory issues and border control, and efforts to combat "
            "criminal organizations.",
            {"migration", "border-security", "organized-crime"},
        ),
        # the stability of a region is an area of its own beside its security and peace
        (
            "President Almaz Tursunbekov met Minister Daniyar Sarsenbayev. They pledged to "
            "support peace and regional stability, and to deepen security cooperation.",
            {"peace", "stability", "security"},
        ),
        # the pandemic, however it is written, rather than health at large
        (
            "President Almaz Tursunbekov spoke by phone with Minister Daniyar Sarsenbayev. They "
            "agreed to share ways to fight Covid-19 and to work together against the coronavirus.",
            {"covid-19-pandemic"},
        ),
    ],
)
def test_topics(nlp, body, topics):
    facts = facts_of(nlp, body, JAN_30)
    found = topic_keys(facts)
    assert found == topics


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        (
            "President Ali Kiwelu met President Ben Mwansa on Monday to discuss cooperation in "
            "electricity, railway and maritime security.",
            {"electricity", "railway", "maritime security"},
            {"energy", "transport", "security"},
        ),
        (
            "President Ali Kiwelu met the defence ministers of Kenya on Monday to discuss trade.",
            {"trade"},
            {"defence"},
        ),
        (
            "Minister of Trade, Industry and Competition Tumelo Rakgoale met President Ben Mwansa "
            "on Monday to discuss tourism.",
            {"tourism"},
            {"trade", "industry"},
        ),
        (
            "President Ali Kiwelu met President Ben Mwansa on Monday to discuss semiconductors, "
            "fisheries, pharmaceuticals and refugees.",
            {"semiconductors", "fisheries", "pharmaceuticals", "refugees"},
            {"industry"},
        ),
        # heritage and a port named in passing are no areas of cooperation
        (
            "President Ali Kiwelu showed President Ben Mwansa the rich cultural heritage of the "
            "old port on Monday.",
            set(),
            {"heritage", "ports"},
        ),
    ],
)
def test_specific_topics_and_none_from_offices(nlp, body, present, absent):
    facts = facts_of(nlp, body, AUG_20)
    labels = {c.label for topics in facts.topics.values() for c in topics}
    assert labels == present
    assert not absent & labels


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        (
            "The ceremony was held in the border town. Young people waved flags.",
            set(),
            {"border", "youth"},
        ),
        (
            "President Ali Kiwelu and President Ben Mwansa discussed cooperation in customs "
            "and border management.",
            {"customs", "border"},
            set(),
        ),
        # the media one speaks to is an audience; the media among areas is one
        (
            "Speaking to media on Monday, President Ali Kiwelu said he had met President Ben "
            "Mwansa. He later told a briefing for the media that the talks went well.",
            set(),
            {"media"},
        ),
        (
            "President Ali Kiwelu met President Ben Mwansa. They agreed to expand exchanges in "
            "education, culture and media.",
            {"education", "culture", "media"},
            set(),
        ),
    ],
)
def test_ambiguous_topics_need_a_cooperation_context(nlp, body, present, absent):
    facts = facts_of(nlp, body, JAN_30)
    found = topic_keys(facts)
    assert found == present and not absent & found


MET = "President Olin Varga met President Tomas Riel on Monday. "


@pytest.mark.parametrize(
    ("body", "topics"),
    [
        # areas the scheme gained: each its own concept, not folded into a broader one
        (
            "President Olin Varga met President Tomas Riel on Monday to discuss disarmament, "
            "peacekeeping, civil society, the fight against corruption and natural resources.",
            {
                "disarmament",
                "peacekeeping",
                "civil-society",
                "anti-corruption",
                "natural-resources",
            },
        ),
        (
            MET + "They agreed to expand people-to-people "
            "exchanges, student exchanges and cooperation in telecommunications.",
            {"people-to-people-exchanges", "student-exchange", "telecommunications"},
        ),
        (
            MET + "They discussed petroleum production, private sector cooperation, credit "
            "lines and budget support.",
            {"petroleum", "private-sector", "credit-lines", "budget-support"},
        ),
        (
            MET + "They discussed organised crime, drug trafficking, consular affairs, clean "
            "energy and innovation.",
            {"organized-crime", "drug-trafficking", "consular", "clean-energy", "innovation"},
        ),
        # wording variants: a hyphen for a space, a plural
        (
            MET + "They discussed capacity building and cross border cooperation with "
            "small and medium enterprises.",
            {"capacity-building", "cross-border", "small-and-medium-enterprises"},
        ),
        (
            MET + "They agreed to develop agriculture and the small to medium enterprise sector.",
            {"agriculture", "small-and-medium-enterprises"},
        ),
        # "regional" says where, not what: an area only as regional cooperation
        (
            MET + "They discussed bilateral relations and regional and global issues "
            "of mutual interest, and the latest regional developments.",
            set(),
        ),
        (MET + "They called for closer regional cooperation.", {"regional"}),
        # a long list of adjectives on one noun: each is said of it
        (
            MET + "They agreed on projects in the agricultural, economic, tourism, energy, "
            "humanitarian, cultural, educational and scientific fields.",
            {"agriculture", "economy", "tourism", "energy", "humanitarian", "culture"}
            | {"science", "education"},
        ),
        # a combining form written closed, hyphenated or spaced
        (
            MET + "They discussed hydro-power cooperation and tele-communications.",
            {"energy", "telecommunications"},
        ),
        # the same, parsed with the list's first noun as its head
        (
            MET + "They discussed cooperation in the economic, cultural, energy, tourism, sea "
            "transport, and technology sectors.",
            {"economy", "culture", "energy", "tourism", "transport", "technology"},
        ),
        (
            MET + "They agreed to remove non-tariff barriers that have slowed cross-border "
            "trade under the Varnian Silver Road Initiative.",
            {"non-tariff-barriers", "trade"},
        ),
    ],
)
def test_areas_variants_and_scope_words(nlp, body, topics):
    assert topic_keys(facts_of(nlp, body, JAN_30)) == topics


@pytest.mark.parametrize(
    ("body", "topics"),
    [
        # a topic word inside a body's name, or in an office's name after a lower-case title
        (
            "President Olin Varga met the head of the Varnian Investment Fund on Monday to "
            "discuss tourism.",
            {"tourism"},
        ),
        (
            "President Olin Varga met President Tomas Riel on Monday to discuss the Varnian "
            "Technical Assistance Programme and trade.",
            {"trade"},
        ),
        (
            "President Olin Varga met the minister of Telecommunications, Digital "
            "Technologies and Postal Services, Tomas Riel, on Monday to discuss agriculture.",
            {"agriculture"},
        ),
        # a Title-Case topic word joined by "and" to a word that names no area: one name
        (
            "President Olin Varga met President Tomas Riel on Monday to discuss the Silk and "
            "Road cooperation and tourism.",
            {"tourism"},
        ),
        # a verb names no area
        ("Kenya approved a loan to finance a port in Mombasa and discussed trade.", {"trade"}),
        # two topic words of one phrase name one area
        (
            "Minister Olin Varga discussed digital technologies and tourism.",
            {"digitalization", "tourism"},
        ),
        (
            "Minister Olin Varga discussed technical and economic cooperation.",
            {"technical-cooperation", "economy"},
        ),
        # unless the noun's area is the narrower one: then the phrase is the noun's
        ("Minister Olin Varga discussed nuclear disarmament.", {"disarmament"}),
        ("Minister Olin Varga discussed the cultural heritage of the city.", {"heritage"}),
    ],
)
def test_no_topics_from_names_verbs_or_modifiers(nlp, body, topics):
    assert topic_keys(facts_of(nlp, body, JAN_30)) == topics


@pytest.mark.parametrize(
    ("body", "topics"),
    [
        # "that" opening a clause is no determiner: the area after it counts
        (MET + "Officials said that trade between Kenya and Ghana grew.", {"trade"}),
        # a process word followed by "of" is a process, unless of a place
        (
            MET + "They pledged to strive for the prosperity and development of the region.",
            {"development"},
        ),
        (MET + "They discussed the development of relations and the defence of the treaty.", set()),
        (MET + "This year marks the 30th anniversary of diplomatic ties.", set()),
        # other areas followed by "of" stay areas
        (
            MET + "Varnia pledged funds for the reconstruction of schools and budget support of "
            "$5 million.",
            {"reconstruction", "budget-support"},
        ),
        # an area's adjective names it on any noun; an ambiguous one only on a cooperation word
        (
            MET + "They discussed agricultural exports and humanitarian access.",
            {"agriculture", "humanitarian"},
        ),
        (MET + "They praised the economic resilience of the region.", set()),
        # an area's adjective at the end of a list the parser joins to the nouns before it
        (
            MET + "The ministers also reviewed cooperation in fisheries, mining and cultural "
            "exchanges.",
            {"fisheries", "mining", "culture"},
        ),
        # trafficking in persons is an area of its own, the smuggling of migrants migration's
        (
            MET + "They agreed to crack down on illegal fishing, human trafficking and people "
            "smuggling.",
            {"fisheries", "human-trafficking", "migration"},
        ),
        # two adjectives on one noun: the second names no area of its own
        (MET + "Investment must meet high social and environmental standards.", {"investment"}),
        (MET + "They spoke of their shared democratic values.", set()),
        # inflections of a concept its labels lack: adjective, verb, agent noun
        (
            MET + "They agreed to prepare commemorative events and to support democratic "
            "elections.",
            {"commemoration", "democracy"},
        ),
        (MET + "Varnian companies have invested over $300 million in Kenya.", {"investment"}),
        (MET + "Varnia exports tea to Kenya, and imports of fuel grew.", {"trade"}),
        # heads that an area word is said of
        (
            MET + "They discussed political consultations, environmental protection and the "
            "common agricultural policy.",
            {"politics", "environment", "agriculture"},
        ),
        # an ambiguous word coordinated with an area word is an area too
        (
            MET + "They agreed to help businesses and investors of the two nations.",
            {"business", "investment"},
        ),
        # "non-oil" goods are the others
        (MET + "They aim to raise non-oil trade to $10 billion.", {"trade"}),
        # a topic word inside a Title-Case name ending in a community or a park
        (
            MET + "They visited the Varnia-Kenya Industrial Parks and discussed tourism with the "
            "Southern Varnian Development Community.",
            {"tourism"},
        ),
    ],
)
def test_wording_variants_and_context(nlp, body, topics):
    assert topic_keys(facts_of(nlp, body, JAN_30)) == topics


@pytest.mark.parametrize(
    ("body", "topics"),
    [
        # an ambiguous word told three times is what the article is about
        (
            MET + "Troops will return to the border. Villages on the border were shelled. "
            "Both sides want the border to be calm.",
            {"border"},
        ),
        # told twice, in passing, it is not
        (MET + "They drove to the border. Young people at the border waved flags.", set()),
    ],
)
def test_an_ambiguous_word_told_again_and_again(nlp, body, topics):
    assert topic_keys(facts_of(nlp, body, JAN_30)) == topics


@pytest.mark.parametrize(
    ("body", "topics"),
    [
        # a title told after its name is the office's: its area words are no topic
        (
            "President Olin Varga received Prime Minister Tomas Riel on Monday. The meeting "
            "was attended by Sheikh Karim Dalan, National Security Advisor, and senior "
            "officials. They discussed tourism.",
            {"tourism"},
        ),
        (
            "President Olin Varga met Ilse Marrow, the National Security Adviser of Varnia, on "
            "Monday to discuss tourism.",
            {"tourism"},
        ),
        # the same area told outside the title is one
        (
            "President Olin Varga met Ilse Marrow, the National Security Adviser of Varnia, on "
            "Monday to discuss tourism and maritime security.",
            {"tourism", "maritime-security"},
        ),
    ],
)
def test_no_topics_from_titles_after_names(nlp, body, topics):
    assert topic_keys(facts_of(nlp, body, JAN_30)) == topics


@pytest.mark.parametrize(
    ("body", "topics"),
    [
        # the state of things in an area is that area's, not the environment's or climate's
        ("Minister Olin Varga discussed the business environment.", {"business"}),
        ("Minister Olin Varga discussed the investment climate.", {"investment"}),
        ("Minister Olin Varga discussed the natural environment.", {"environment"}),
        ("Minister Olin Varga discussed climate change.", {"climate"}),
        # waters with a word before them are a stretch of sea, no water resources
        ("Minister Olin Varga discussed the patrols in the disputed waters.", set()),
        ("Minister Olin Varga discussed tourism in territorial waters.", {"tourism"}),
        ("Minister Olin Varga discussed sharing the waters of the Nile.", {"water"}),
        # the blue economy is the sea's, not the economy's
        ("Minister Olin Varga discussed cooperation in the blue economy.", {"maritime"}),
    ],
)
def test_a_state_of_things_and_the_sea_are_no_areas_of_their_own(nlp, body, topics):
    assert topic_keys(facts_of(nlp, body, JAN_30)) == topics


def _topics_by_event(facts) -> list[tuple[str, list[str]]]:
    return sorted(
        (e.kind, sorted(c.iri.split("/")[-1] for c in facts.topics.get(id(e), [])))
        for e in facts.events
    )


@pytest.mark.parametrize(
    ("body", "by_event"),
    [
        # the areas told where an event is told again ("During the meeting, ...") are its,
        # not those of the event told last before them
        (
            "President Olin Varga on Monday received President Tomas Riel, who is on a "
            "working visit to the country. During the meeting, held at the Varga Palace, the "
            "two leaders discussed tourism and agriculture.",
            [("meeting", ["agriculture", "tourism"]), ("visit", [])],
        ),
        # a sentence that tells no event gives its areas to the last one told before: to
        # the talks, not the visit they were held in
        (
            "President Olin Varga on Monday held talks with President Tomas Riel, who arrived "
            "on a working visit. The two leaders reviewed cooperation in tourism and "
            "agriculture.",
            [("talks", ["agriculture", "tourism"]), ("visit", [])],
        ),
        (
            "President Tomas Riel arrived on Monday on a working visit. He reviewed "
            "cooperation in tourism and agriculture with the governor.",
            [("visit", ["agriculture", "tourism"])],
        ),
        # areas told in a relative clause of one of a sentence's events are that one's
        (
            "President Tomas Riel arrived on Monday on a working visit. The visit follows "
            "Minister Ana Lopes's visit to Oslo in March, during which they agreed to "
            "deepen cooperation in tourism.",
            [("visit", []), ("visit", ["tourism"])],
        ),
    ],
)
def test_topics_go_to_the_event_told_again(nlp, body, by_event):
    assert _topics_by_event(facts_of(nlp, body, JAN_30)) == by_event
