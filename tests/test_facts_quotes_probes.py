"""Quotations in news styles no rule was written for: a speaker named by title or pronoun
before or after the quote, a title chain after the verb, any reporting verb, a body that
speaks (never the nearest person), reported speech without quote marks (no quotation),
scare-quoted phrases no one is told saying, quotes over two paragraphs, nested, in
guillemets or single marks, a speaker between two quoted sentences, and never two speakers.
Each row asserts the whole list of quotations (words, speaker)."""

from __future__ import annotations

import pytest
from mapping_support import AUG_21, quotes_of

pytestmark = pytest.mark.slow

PL_DE = (
    "Polish Prime Minister Marek Zielny met German Chancellor Ulrike Brandl in Berlin on "
    "Tuesday.\n\n"
)
NO_FI = (
    "Norwegian Foreign Minister Arvid Lunde met Finnish Foreign Minister Sanna Kettu in Oslo "
    "on Monday.\n\n"
)
KZ_RU = (
    "Kazakh Foreign Minister Yerlan Abenov held talks with Russian Foreign Minister Pavel "
    "Gromov in Moscow on Tuesday.\n\n"
)

TITLE_OR_PRONOUN = [
    (
        PL_DE + 'The Chancellor declared: "Our borders must stay open to trade and to people."',
        [("Our borders must stay open to trade and to people", "Ulrike Brandl")],
    ),
    (
        PL_DE + "Zielny praised the talks.\n\n"
        '"We have agreed to double the flights between our capitals," he concluded.',
        [("We have agreed to double the flights between our capitals", "Marek Zielny")],
    ),
    (
        NO_FI + '"Our fisheries dialogue has never been this close," the Finnish minister added.',
        [("Our fisheries dialogue has never been this close", "Sanna Kettu")],
    ),
    (
        NO_FI + "Kettu spoke after the meeting. She said: “Northern cooperation is not a "
        "slogan for us.”",
        [("Northern cooperation is not a slogan for us", "Sanna Kettu")],
    ),
    (
        "Foreign Ministry Spokesperson Lin Haoran told a regular briefing on Thursday: "
        '"China welcomes every effort towards a lasting ceasefire."',
        [("China welcomes every effort towards a lasting ceasefire", "Lin Haoran")],
    ),
]

TITLE_CHAIN_AFTER = [
    (
        "Chinese Foreign Minister Wang Dalin will visit Brazil next week.\n\n"
        '"The visit will open a new chapter in relations between the two countries," said '
        "Foreign Ministry Spokesperson Lin Haoran at a regular press briefing on Thursday.",
        [
            (
                "The visit will open a new chapter in relations between the two countries",
                "Lin Haoran",
            )
        ],
    ),
    (
        "Kenya and Tanzania agreed on Friday to reopen a border post.\n\n"
        '"Our people have waited too long for this crossing," said Kenya\'s Cabinet Secretary '
        "for Foreign Affairs Daniel Mworia on Friday.",
        [("Our people have waited too long for this crossing", "Daniel Mworia")],
    ),
    (
        NO_FI + '"We will keep the Arctic a region of low tension," Deputy Foreign Minister '
        "Eirik Solhaug told reporters in Oslo.",
        [("We will keep the Arctic a region of low tension", "Eirik Solhaug")],
    ),
    (
        NO_FI + '"The visit went according to plan in every respect," said the spokesperson of '
        "the Ministry of Foreign Affairs, Tove Brekke, at a press conference.",
        [("The visit went according to plan in every respect", "Tove Brekke")],
    ),
    (
        '"We expect the resolution to pass next week," Ambassador Farid Oskanov, who heads '
        "Azerbaijan's mission to the United Nations, told journalists.",
        [("We expect the resolution to pass next week", "Farid Oskanov")],
    ),
]

REPORTING_VERBS = [
    (
        NO_FI + '"The fishing quotas are not up for negotiation," Lunde warned.',
        [("The fishing quotas are not up for negotiation", "Arvid Lunde")],
    ),
    (
        NO_FI + '"We will not accept any delay on the pipeline," insisted the Norwegian minister.',
        [("We will not accept any delay on the pipeline", "Arvid Lunde")],
    ),
    (
        NO_FI + "Kettu thanked her hosts.\n\n"
        '"The people here were the warmest hosts I have known," she recalled.',
        [("The people here were the warmest hosts I have known", "Sanna Kettu")],
    ),
    (
        PL_DE + '"Energy security is a shared responsibility of our nations," Zielny emphasized, '
        "adding that talks would continue in Warsaw.",
        [("Energy security is a shared responsibility of our nations", "Marek Zielny")],
    ),
    (
        PL_DE + '"Germany stands by its commitments to the eastern members," Brandl underlined '
        "at the joint press conference.",
        [("Germany stands by its commitments to the eastern members", "Ulrike Brandl")],
    ),
    (
        PL_DE + '"There have been misunderstandings between our governments in the past," the '
        "Chancellor acknowledged.",
        [
            (
                "There have been misunderstandings between our governments in the past",
                "Ulrike Brandl",
            )
        ],
    ),
    (
        "Azerbaijani Ambassador Farid Oskanov presented his credentials on Monday.\n\n"
        '"I will work every day to bring our peoples closer together," Oskanov promised.',
        [("I will work every day to bring our peoples closer together", "Farid Oskanov")],
    ),
    (
        NO_FI + "Kettu thanked her host.\n\n"
        '"Dialogue with our neighbours remains the only way forward," she stressed in an '
        "interview with the public broadcaster.",
        [("Dialogue with our neighbours remains the only way forward", "Sanna Kettu")],
    ),
    (
        "President Amara Kouadio of Côte d'Ivoire received the delegation on Wednesday.\n\n"
        '"Our doors are open to investors from across the continent," the President noted '
        "during the ceremony.",
        [("Our doors are open to investors from across the continent", "Amara Kouadio")],
    ),
    (
        NO_FI + '"We agreed on a joint commission for the fisheries," Kettu told reporters after '
        "the meeting.",
        [("We agreed on a joint commission for the fisheries", "Sanna Kettu")],
    ),
    (
        PL_DE + 'Brandl spoke after the talks. "Poland is our closest partner in the region," '
        "she told reporters.",
        [("Poland is our closest partner in the region", "Ulrike Brandl")],
    ),
]

BODIES = [
    (
        NO_FI + '"The two ministers discussed Arctic research and fisheries," the ministry said '
        "in a statement.",
        [],
    ),
    (
        KZ_RU + '"Trade between our countries keeps growing at a steady pace," the Russian side '
        "noted.",
        [],
    ),
    (
        "Hungarian President Tamas Vadkerti opened the forum on Monday.\n\n"
        '"Hungary will host the next summit in the spring," the government said in a statement.',
        [],
    ),
    (
        "Ambassador Lea Morvan was summoned on Monday.\n\n"
        '"The ambassador was asked to explain the remarks," the embassy said.',
        [],
    ),
]

UNQUOTED = [
    (
        PL_DE
        + "Cooperation in energy and defence will deepen further next year, said the Chancellor.",
        [],
    ),
    (
        NO_FI + "The two countries will sign a fisheries accord next month, Lunde told reporters.",
        [],
    ),
    (
        NO_FI + 'The accord is ready, Lunde said. "We only need a date for the signing," he added.',
        [("We only need a date for the signing", "Arvid Lunde")],
    ),
]

SCARE_QUOTES = [
    (NO_FI + 'The so-called "blue corridor" plan was also on the agenda.', []),
    (PL_DE + "The talks, billed as a “fresh start”, ended without a joint statement.", []),
    (NO_FI + "Observers see the visit as a ‘quiet reset’ of relations.", []),
    (
        PL_DE + 'The "eastern flank" debate dominated the day. "We will defend every inch of '
        'allied territory," Zielny said.',
        [("We will defend every inch of allied territory", "Marek Zielny")],
    ),
    # a short phrase someone is told saying is theirs
    (
        PL_DE + 'Zielny said the two countries would work "side by side" on energy.',
        [("side by side", "Marek Zielny")],
    ),
]

LAYOUTS = [
    (
        NO_FI + "“The Arctic must remain a place of cooperation. We share its waters and its "
        "future.\n\n“No one gains from a new rivalry in the north,” Lunde said.",
        [
            (
                "The Arctic must remain a place of cooperation. We share its waters and its future",
                "Arvid Lunde",
            ),
            ("No one gains from a new rivalry in the north", "Arvid Lunde"),
        ],
    ),
    (
        PL_DE + "“We told our partners ‘no more delays’ and they agreed,” Brandl said.",
        [("We told our partners ‘no more delays’ and they agreed", "Ulrike Brandl")],
    ),
    (
        NO_FI + "«Our cooperation in the north is strategic and long-term», said Lunde.",
        [("Our cooperation in the north is strategic and long-term", "Arvid Lunde")],
    ),
    (
        PL_DE + "Zielny said: «Poland and Germany are bound by geography and by choice.»",
        [("Poland and Germany are bound by geography and by choice", "Marek Zielny")],
    ),
    (
        NO_FI
        + "“We are good neighbours,” Kettu said. “We will remain partners for decades to come.”",
        [
            ("We are good neighbours", "Sanna Kettu"),
            ("We will remain partners for decades to come", "Sanna Kettu"),
        ],
    ),
    (
        NO_FI + "‘We will not back down on the quotas,’ the Norwegian minister said.",
        [("We will not back down on the quotas", "Arvid Lunde")],
    ),
]

ONE_SPEAKER = [
    (
        NO_FI + '"Our two countries share the same northern sea," Lunde and Kettu said in a joint '
        "statement.",
        [],
    ),
    (
        NO_FI
        + '"The agreement is a good one for both nations," said Lunde and his Finnish counterpart.',
        [],
    ),
]

MORE_TITLES = [
    # words that describe the holder before the office
    (
        PL_DE + '"Our region needs more bridges and fewer walls," the 58-year-old Chancellor said.',
        [("Our region needs more bridges and fewer walls", "Ulrike Brandl")],
    ),
    (
        PL_DE + '"Our region needs more bridges and fewer walls," the veteran Polish leader said.',
        [("Our region needs more bridges and fewer walls", "Marek Zielny")],
    ),
    (
        PL_DE + '"Our region needs more bridges and fewer walls," the newly elected Prime '
        "Minister said.",
        [("Our region needs more bridges and fewer walls", "Marek Zielny")],
    ),
    # an age between commas
    (
        NO_FI + '"The north is changing faster than any of us expected," Lunde, 54, said.',
        [("The north is changing faster than any of us expected", "Arvid Lunde")],
    ),
    # a clause of any verb opening the quotation with a colon tells its speaker
    (
        NO_FI + '"Our region needs more bridges and fewer walls," Lunde said. But Kettu '
        'disagreed: "The walls are not ours to pull down."',
        [
            ("Our region needs more bridges and fewer walls", "Arvid Lunde"),
            ("The walls are not ours to pull down", "Sanna Kettu"),
        ],
    ),
    (
        NO_FI + '"We welcome every step towards calm," Kettu said.\n\nThe Norwegian minister '
        'went further: "Calm alone will not feed the fishermen."',
        [
            ("We welcome every step towards calm", "Sanna Kettu"),
            ("Calm alone will not feed the fishermen", "Arvid Lunde"),
        ],
    ),
    (NO_FI + 'The agreement covers three areas: "fisheries, energy and polar research".', []),
    (
        NO_FI
        + '"We share one sea and one future," said the Norwegian Foreign Minister, Arvid Lunde.',
        [("We share one sea and one future", "Arvid Lunde")],
    ),
    (
        NO_FI + '"Helsinki will host the next round in the spring," says Kettu.',
        [("Helsinki will host the next round in the spring", "Sanna Kettu")],
    ),
    (
        NO_FI + '"The talks covered fisheries, energy and research," Lunde wrote on social media.',
        [("The talks covered fisheries, energy and research", "Arvid Lunde")],
    ),
    (
        NO_FI + '"We will meet again in Helsinki before the summer," Kettu told her Norwegian '
        "counterpart.",
        [("We will meet again in Helsinki before the summer", "Sanna Kettu")],
    ),
    (
        NO_FI + '"Our fishermen deserve clarity on the quotas," Lunde said. "They have waited '
        'long enough," he added, as Kettu looked on.',
        [
            ("Our fishermen deserve clarity on the quotas", "Arvid Lunde"),
            ("They have waited long enough", "Arvid Lunde"),
        ],
    ),
    (
        PL_DE + "Zielny said on Tuesday:\n\n“Our two nations have rebuilt trust step by step.”",
        [("Our two nations have rebuilt trust step by step", "Marek Zielny")],
    ),
    (
        PL_DE + 'A government statement quoted Zielny as saying: "Germany is a partner we can '
        'rely on."',
        [("Germany is a partner we can rely on", "Marek Zielny")],
    ),
]

UNNAMED = [
    (
        NO_FI + '"Nobody expects a breakthrough this year," a senior official said on condition '
        "of anonymity.",
        [],
    ),
    (NO_FI + '"The mood in the room was cautious," one diplomat said.', []),
    (NO_FI + '"The ministers will meet again in June," said a spokesperson for the ministry.', []),
    (NO_FI + '"Both sides want a fair deal on the quotas," the two ministers said.', []),
    (
        "The Norwegian Ministry of Foreign Affairs announced the visit on Monday. Foreign "
        "Minister Arvid Lunde will travel to Helsinki.\n\n"
        '"The visit will strengthen Nordic security cooperation," the ministry said in a '
        "statement.",
        [
            (
                "The visit will strengthen Nordic security cooperation",
                "Ministry of Foreign Affairs of Norway",
            )
        ],
    ),
    (
        KZ_RU
        + 'The Kazakh Foreign Ministry said in a statement that the talks had been "constructive '
        'and forward-looking".',
        [("constructive and forward-looking", "Ministry of Foreign Affairs of Kazakhstan")],
    ),
    (
        NO_FI + 'In a statement, the ministry said: "The ministers agreed to meet again in June."',
        [],
    ),
    (
        KZ_RU + 'The Russian side noted that "trade between our countries keeps growing steadily".',
        [],
    ),
]

MORE_SCARE = [
    (NO_FI + 'Analysts described the meeting as "a cautious thaw".', []),
    (PL_DE + 'Zielny arrived for what aides called a "working visit".', []),
    (PL_DE + 'The "green deal" issue, Zielny said, was not discussed.', []),
]

MORE_LAYOUTS = [
    (
        PL_DE + "„Wir stehen an der Seite unserer Nachbarn“, said Brandl.",
        [("Wir stehen an der Seite unserer Nachbarn", "Ulrike Brandl")],
    ),
    (
        NO_FI + "« Nous sommes des partenaires fiables », Kettu said.",
        [("Nous sommes des partenaires fiables", "Sanna Kettu")],
    ),
    (
        NO_FI + '"Our fishermen need certainty," Lunde said.\n\nKettu was more cautious.\n\n'
        '"We should not rush a deal on the quotas," Kettu said.',
        [
            ("Our fishermen need certainty", "Arvid Lunde"),
            ("We should not rush a deal on the quotas", "Sanna Kettu"),
        ],
    ),
]

MORE_ONE_SPEAKER = [
    (NO_FI + '"The north must stay a region of peace," said Lunde and Kettu.', []),
]

ROUND_THREE = [
    # a quotation over three paragraphs: each open paragraph is the closing speaker's
    (
        NO_FI + "“The first round went well.\n\n“The second round will be harder.\n\n“The "
        "third will decide everything,” Lunde said.",
        [
            ("The first round went well", "Arvid Lunde"),
            ("The second round will be harder", "Arvid Lunde"),
            ("The third will decide everything", "Arvid Lunde"),
        ],
    ),
    # a speech that goes on after its attribution, over a paragraph left open: the same
    # speaker's to its end
    (
        NO_FI + "“The first round went well,” Lunde said.\n\n“The second round will be "
        "harder for everyone involved.\n\n“We shall keep working closely with Finland.”",
        [
            ("The first round went well", "Arvid Lunde"),
            ("The second round will be harder for everyone involved", "Arvid Lunde"),
            ("We shall keep working closely with Finland", "Arvid Lunde"),
        ],
    ),
    # "it" for a body named as a subject just before
    (
        "The Finnish Ministry for Foreign Affairs issued a statement on Monday. Foreign "
        "Minister Sanna Kettu met her Norwegian counterpart.\n\n"
        '"The ministers agreed on closer cooperation," it said.',
        [("The ministers agreed on closer cooperation", "Finnish Ministry for Foreign Affairs")],
    ),
    (NO_FI + '"Both ministers agreed on the next steps," it said.', []),
    (
        NO_FI + "“We will meet again in June,” said the minister from Finland.",
        [("We will meet again in June", "Sanna Kettu")],
    ),
    (
        NO_FI + "As Lunde put it: “We will meet again in June.”",
        [("We will meet again in June", "Arvid Lunde")],
    ),
    # a second sayer in the sentence opens the second quotation with a colon
    (
        NO_FI + '"We will meet again in June," Lunde said, while Kettu said: "We still need '
        'a date."',
        [("We will meet again in June", "Arvid Lunde"), ("We still need a date", "Sanna Kettu")],
    ),
    (
        NO_FI + "Lunde, speaking after the talks with Kettu, said: “We will meet again in June.”",
        [("We will meet again in June", "Arvid Lunde")],
    ),
    (
        NO_FI + "The Norwegian minister’s spokesman, Per Holm, said: “We will meet again in June.”",
        [("We will meet again in June", "Per Holm")],
    ),
    (NO_FI + "Both ministers said: “We will meet again in June.”", []),
    (NO_FI + "Lunde and Kettu said: “We will meet again in June.”", []),
    (
        NO_FI + '"Is there any reason to wait?" Lunde asked.',
        [("Is there any reason to wait?", "Arvid Lunde")],
    ),
    (
        NO_FI + 'Kettu told the Finnish news agency STT that "the fisheries commission will '
        'start work in the autumn".',
        [("the fisheries commission will start work in the autumn", "Sanna Kettu")],
    ),
    (
        NO_FI + "Foreign Ministry spokeswoman Tove Brekke said the visit had been productive."
        '\n\n"Both ministers agreed on the next steps," the spokeswoman said.',
        [("Both ministers agreed on the next steps", "Tove Brekke")],
    ),
    (
        NO_FI + "“We will meet again in June,” Mr. Lunde told reporters.",
        [("We will meet again in June", "Arvid Lunde")],
    ),
]

ROUND_FOUR = [
    # a second sayer of its own clause, not what the first one reports
    (
        NO_FI + '"We will meet again in June," Lunde said, while Kettu insisted that "a date '
        'must be set first".',
        [
            ("We will meet again in June", "Arvid Lunde"),
            ("a date must be set first", "Sanna Kettu"),
        ],
    ),
    (
        NO_FI + 'Kettu said Lunde had promised "a fair deal for the fishermen of both countries".',
        [("a fair deal for the fishermen of both countries", "Sanna Kettu")],
    ),
    # straight single marks; an apostrophe inside a word is none
    (
        NO_FI + "'We won't wait for another season,' Lunde said.",
        [("We won't wait for another season", "Arvid Lunde")],
    ),
    (NO_FI + "Lunde's team and Kettu's advisers met in the '90s building, officials said.", []),
    # ... and words quoted in them inside one's own sentence
    (
        NO_FI + "Lunde called the new fishing quota a 'clear breach' of the treaty and said "
        "Norway would 'not look away'.",
        [("clear breach", "Arvid Lunde"), ("not look away", "Arvid Lunde")],
    ),
    (NO_FI + "The ministers' advisers and the fishermen' union met in Oslo.", []),
    (NO_FI + "Lunde said the '90s were hard years for the ministers' families.", []),
    # the object pronoun of "quoted … as saying"
    (
        NO_FI + "Finnish President Aino Vartia said the talks were useful.\n\n"
        '"Dialogue is the only way," the statement quoted her as saying.',
        [("Dialogue is the only way", "Aino Vartia")],
    ),
]

PRONOUN_GENDER = [
    # "she" goes on with the last sayer the article may call so: an honorific or a
    # possessive pronoun of the person's own sentence tells
    (
        NO_FI + '"The ice is melting fast," Lunde said.\n\nMs Kettu was more cautious. '
        '"We have nothing to hide from our neighbours," she said.',
        [
            ("The ice is melting fast", "Arvid Lunde"),
            ("We have nothing to hide from our neighbours", "Sanna Kettu"),
        ],
    ),
    (
        NO_FI + "Kettu thanked her hosts and Lunde thanked his team.\n\n"
        '"We have nothing to hide from our neighbours," she said.',
        [("We have nothing to hide from our neighbours", "Sanna Kettu")],
    ),
    (
        NO_FI + '"The ice is melting fast," Kettu said as she opened her folder.\n\n'
        'Mr Lunde nodded. "We have nothing to hide," he added.',
        [("The ice is melting fast", "Sanna Kettu"), ("We have nothing to hide", "Arvid Lunde")],
    ),
    # no gender told: the last sayer
    (
        NO_FI + '"We will meet again in June," Lunde said. "By then we need a draft," he added.',
        [("We will meet again in June", "Arvid Lunde"), ("By then we need a draft", "Arvid Lunde")],
    ),
]

ROUND_FIVE = [
    # a quotation opened after the attribution's sentence and left open at the paragraph's end
    (
        NO_FI + "“We will meet again in June,” Lunde said. “By then we need a draft.\n\n"
        "“And the draft must cover the quotas,” he added.",
        [
            ("We will meet again in June", "Arvid Lunde"),
            ("By then we need a draft", "Arvid Lunde"),
            ("And the draft must cover the quotas", "Arvid Lunde"),
        ],
    ),
    (
        NO_FI + "Lunde said at a joint news conference:\n\n“We will meet again in June. By then "
        "we need a draft.”",
        [("We will meet again in June. By then we need a draft", "Arvid Lunde")],
    ),
    (
        NO_FI + "“Norway’s and Finland’s fishermen don’t need new rules,” Lunde said.",
        [("Norway’s and Finland’s fishermen don’t need new rules", "Arvid Lunde")],
    ),
    (
        NO_FI + "‘We told them “no more delays” and they agreed,’ Kettu said.",
        [("We told them “no more delays” and they agreed", "Sanna Kettu")],
    ),
    (
        NO_FI + "“We will meet again in June,” the Norwegian Foreign Minister, who is on his "
        "first trip abroad, said.",
        [("We will meet again in June", "Arvid Lunde")],
    ),
    (
        NO_FI + "Kettu, in turn, noted: “Finland is ready for the June round.”",
        [("Finland is ready for the June round", "Sanna Kettu")],
    ),
    (NO_FI + "“Finland is ready for the June round,” the Finnish side stressed.", []),
    (
        NO_FI + "He also said the talks were “honest, open and useful for both sides”.",
        [("honest, open and useful for both sides", "Arvid Lunde")],
    ),
]

ROUND_SIX = [
    # a colon clause whose subject has a relative clause, or quotes someone
    (
        NO_FI + "Lunde, who has led the ministry since 2021, told reporters: “We will meet "
        "again in June.”",
        [("We will meet again in June", "Arvid Lunde")],
    ),
    (
        NO_FI + "Lunde’s office quoted him as saying: “We will meet again in June.”",
        [("We will meet again in June", "Arvid Lunde")],
    ),
    (NO_FI + "“We will meet again in June,” Lunde’s office said.", []),
    # "her Norwegian counterpart": the person of that country
    (
        NO_FI + "Kettu and Lunde spoke after the talks.\n\n“We will meet again in June,” the "
        "Finnish minister said, while her Norwegian counterpart added: “And we will bring a "
        "draft.”",
        [
            ("We will meet again in June", "Sanna Kettu"),
            ("And we will bring a draft", "Arvid Lunde"),
        ],
    ),
    (
        NO_FI + "“We will meet again in June,” the spokesperson for the ministry, Tove Brekke, "
        "said.",
        [("We will meet again in June", "Tove Brekke")],
    ),
    (
        NO_FI + "In a letter to Kettu, Lunde wrote: “We will meet again in June.”",
        [("We will meet again in June", "Arvid Lunde")],
    ),
    (
        NO_FI + "Kettu welcomed the talks, saying they were “a step towards a fair deal”.",
        [("a step towards a fair deal", "Sanna Kettu")],
    ),
]

WIRE_STORIES = [
    (
        "NAIROBI, Aug 21 (Reuters) - Kenyan President Daniel Mworia hosted Tanzanian President "
        "Neema Kisanga for talks on Wednesday.\n\n"
        '"We have agreed to remove the remaining barriers at the border," Mworia told a joint '
        'news conference. "Our traders have waited long enough."\n\n'
        'Kisanga, who arrived on Tuesday, welcomed the step. "This is a good day for East '
        'Africa," she said.\n\n'
        "The Kenyan foreign ministry said in a statement that the two leaders had also "
        "discussed security in the region.\n\n"
        '"The leaders condemned the attacks in the north," the statement said.',
        [
            ("We have agreed to remove the remaining barriers at the border", "Daniel Mworia"),
            ("Our traders have waited long enough", "Daniel Mworia"),
            ("This is a good day for East Africa", "Neema Kisanga"),
            (
                "The leaders condemned the attacks in the north",
                "Ministry of Foreign Affairs of Kenya",
            ),
        ],
    ),
    (NO_FI + '"The ministers agreed to meet again in June," the statement said.', []),
    # straight single marks: the second sentence of the speech goes on with its speaker
    (
        "Foreign Secretary Tom Arkwright met Ilse Marrow in London on Monday.\n\n"
        "'Our two countries share a deep partnership,' Arkwright said after the talks. "
        "'Today we have agreed to go further on trade.'",
        [
            ("Our two countries share a deep partnership", "Tom Arkwright"),
            ("Today we have agreed to go further on trade", "Tom Arkwright"),
        ],
    ),
    # a document "reads" what it says
    (
        "The Kenyan foreign ministry issued a statement after the talks.\n\n"
        '"The leaders condemned the attacks in the north," the statement read.',
        [
            (
                "The leaders condemned the attacks in the north",
                "Ministry of Foreign Affairs of Kenya",
            )
        ],
    ),
    (
        "BEIJING, Aug 21 (Xinhua) -- Chinese Vice Foreign Minister Zhou Mingde met with "
        "visiting Brazilian Deputy Foreign Minister Paulo Ferraz in Beijing on Wednesday.\n\n"
        "Zhou said China attaches great importance to its relations with Brazil and is willing "
        'to work with Brazil to "deepen practical cooperation in various fields".\n\n'
        "Ferraz said Brazil looks forward to closer cooperation with China.",
        [("deepen practical cooperation in various fields", "Zhou Mingde")],
    ),
    (
        "Jakarta (ANTARA) - Indonesian Foreign Minister Ratna Wulandari received her Malaysian "
        "counterpart Ahmad Zulkifli at the Pancasila Building on Tuesday.\n\n"
        '"Indonesia and Malaysia are family," Minister Wulandari told journalists after the '
        "meeting.\n\nMinister Zulkifli stated that his country is ready to speed up the border "
        'negotiations. "We hope to complete the land border talks this year," he remarked.',
        [
            ("Indonesia and Malaysia are family", "Ratna Wulandari"),
            ("We hope to complete the land border talks this year", "Ahmad Zulkifli"),
        ],
    ),
    (
        "MOSCOW, Aug 21 (TASS) - Russian Foreign Minister Pavel Gromov held talks with his "
        "Kazakh counterpart Yerlan Abenov on Wednesday.\n\n"
        '"We discussed the full range of bilateral issues," Gromov said at a press conference '
        'following the talks. According to him, "the relations between our countries are at a '
        'high level".\n\nThe Kazakh minister, in turn, noted that trade between the two '
        "countries grew by 8% last year.",
        [
            ("We discussed the full range of bilateral issues", "Pavel Gromov"),
            ("the relations between our countries are at a high level", "Pavel Gromov"),
        ],
    ),
    (
        "ABUJA — Nigeria and Ghana on Monday agreed to revive their joint commission.\n\n"
        "Nigeria's Minister of Foreign Affairs, Chike Obiora, said the commission would meet in "
        "Accra in October.\n\n“The commission has been dormant for too long,” Obiora said. “We "
        "must give it new life.”\n\nGhana’s Foreign Minister, Efua Mensah-Boateng, said her "
        "country was ready. “Ghana will host with pleasure,” she said.",
        [
            ("The commission has been dormant for too long", "Chike Obiora"),
            ("We must give it new life", "Chike Obiora"),
            ("Ghana will host with pleasure", "Efua Mensah-Boateng"),
        ],
    ),
]

MORE_SCARE_AND_UNQUOTED = [
    (
        NO_FI + "The talks on the so-called “Arctic corridor”, which Lunde and Kettu discussed "
        "on Monday, will resume in June.",
        [],
    ),
    (NO_FI + "The “Nordic model” of cooperation was praised by both sides.", []),
    (NO_FI + "Critics called the agreement a “missed opportunity for the fishermen”.", []),
    (
        NO_FI + "The agreement, which critics call a “missed opportunity”, will be signed in June.",
        [],
    ),
    (
        NO_FI + "Finland and Norway are, in the words of one analyst, “natural partners in the "
        "north”.",
        [],
    ),
    (NO_FI + "The President said: both countries will continue to cooperate.", []),
    # a one-word judgement a sayer words is theirs, however the tagger reads it
    (NO_FI + "Lunde described the talks as “frank”.", [("frank", "Arvid Lunde")]),
    (
        NO_FI + "Ties, Lunde said, are “better than ever”.",
        [("better than ever", "Arvid Lunde")],
    ),
    (
        NO_FI + "«We will not accept what they call „temporary measures“», Kettu said.",
        [("We will not accept what they call „temporary measures“", "Sanna Kettu")],
    ),
]

SPEECH_NOUNS = [
    # what someone says, named as theirs: its possessor speaks
    (
        NO_FI + "Lunde’s message was clear: “We will meet again in June.”",
        [("We will meet again in June", "Arvid Lunde")],
    ),
    (
        NO_FI + "Kettu’s reply was brief: “Finland will be ready.”",
        [("Finland will be ready", "Sanna Kettu")],
    ),
    (
        NO_FI + "In Lunde's words, “we will meet again in June”.",
        [("we will meet again in June", "Arvid Lunde")],
    ),
    (
        NO_FI + "In his own words, “we will meet again in June”.",
        [("we will meet again in June", "Arvid Lunde")],
    ),
    (NO_FI + "The message was clear: “We will meet again in June.”", []),
]

APPOSITIONS = [
    # the owner named in "X's counterpart" is never the speaker
    (
        NO_FI + '"Finland will be ready," said Lunde\'s Finnish counterpart, Sanna Kettu.',
        [("Finland will be ready", "Sanna Kettu")],
    ),
    (
        NO_FI + '"Finland will be ready," said Lunde\'s Finnish counterpart.',
        [("Finland will be ready", "Sanna Kettu")],
    ),
    # appositions between the speaker and the verb
    (
        NO_FI + '"Finland will be ready," Kettu, Finland\'s foreign minister, said.',
        [("Finland will be ready", "Sanna Kettu")],
    ),
    (
        NO_FI + '"Finland will be ready in June," Kettu, 47, a former journalist, told reporters.',
        [("Finland will be ready in June", "Sanna Kettu")],
    ),
    # the point of an abbreviated title
    (
        NO_FI + '"Finland will be ready in June," said Ms. Kettu.',
        [("Finland will be ready in June", "Sanna Kettu")],
    ),
    (
        "Hungary and Austria signed a transport deal on Monday.\n\n"
        '"The railway will open in two years," said the Minister of Foreign Affairs and Trade '
        "of Hungary, Tamas Vadkerti.",
        [("The railway will open in two years", "Tamas Vadkerti")],
    ),
    (NO_FI + '"Finland will be ready in June," the foreign ministers of both countries said.', []),
]

ROWS = (
    TITLE_OR_PRONOUN
    + TITLE_CHAIN_AFTER
    + REPORTING_VERBS
    + BODIES
    + UNQUOTED
    + SCARE_QUOTES
    + LAYOUTS
    + ONE_SPEAKER
)
ROWS += MORE_TITLES + UNNAMED + MORE_SCARE + MORE_LAYOUTS + MORE_ONE_SPEAKER
ROWS += ROUND_THREE + ROUND_FOUR + PRONOUN_GENDER + ROUND_FIVE + ROUND_SIX
ROWS += WIRE_STORIES + MORE_SCARE_AND_UNQUOTED + SPEECH_NOUNS
ROWS += APPOSITIONS

# "the statement read": the author of a statement told just before, a person as well
AUTHORS = [
    (
        "President Ado Bello received President Kwesi Mensa on Sunday. Bello, in a statement "
        'by his spokesman, Tunde Ola, said the meeting was "fruitful and frank".\n\n'
        '"The President assured his guest of our support," the statement read.',
        [
            ("fruitful and frank", "Ado Bello"),
            ("The President assured his guest of our support", "Tunde Ola"),
        ],
    ),
    (
        "A statement issued by Kwesi Mensa after the talks was short.\n\n"
        '"We have agreed to meet again in June," the statement said.',
        [("We have agreed to meet again in June", "Kwesi Mensa")],
    ),
    # no author told: no speaker, so no quotation
    (
        "President Ado Bello received President Kwesi Mensa on Sunday.\n\n"
        '"We have agreed to meet again in June," the statement said.',
        [],
    ),
]
ROWS += AUTHORS


@pytest.mark.parametrize(("body", "quotes"), ROWS)
def test_probe(nlp, body, quotes):
    assert quotes_of(nlp, body, AUG_21) == quotes
