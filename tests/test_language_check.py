"""Articles not in English are refused on reading, naming the language; English ones pass.

The mapper reads English only: an article in another language used to be stored with a few
triples and no word of its content.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph

from communique.mapping import pipeline
from communique.mapping.article import MappedArticle
from communique.mapping.errors import InputError, LanguageError
from communique.mapping.iris import Minter
from communique.mapping.reading.reader import check_language, parse_record, parse_seed, read_paths
from communique.ontology.namespace import DIP, PROV
from communique.server.cli import cli
from communique.server.ingest import worker as ingest_worker
from communique.server.store.articles import Store
from communique.shapes import validate

BASE = "http://localhost:5000/"

# Made-up ministers of made-up countries, in the register of a foreign ministry's news item.
PARAGRAPHS = {
    "French": (
        "VALMORE \u2013 Le ministre des Affaires \u00e9trang\u00e8res de Costavie, Henri "
        "Daluzet, s'est entretenu mardi avec son homologue de Norlande, Petra Vinsk, au sujet "
        "de la coop\u00e9ration \u00e9conomique. Les deux ministres ont sign\u00e9 un "
        "m\u00e9morandum d'entente sur le commerce et sont convenus de se revoir l'an prochain."
    ),
    "Spanish": (
        "MIRALBA \u2013 El ministro de Relaciones Exteriores de Costavia, Ramiro T\u00e9llez "
        "Oz\u00e1n, se reuni\u00f3 el martes con su hom\u00f3loga de Norlandia, Petra Vinsk, "
        "para hablar de la cooperaci\u00f3n econ\u00f3mica. Ambos ministros firmaron un "
        "memorando de entendimiento sobre comercio y acordaron volver a reunirse el "
        "pr\u00f3ximo a\u00f1o."
    ),
    "German": (
        "BRENNBURG \u2013 Der Au\u00dfenminister von Costavien, Henri Daluzet, hat am Dienstag "
        "seine norl\u00e4ndische Amtskollegin Petra Vinsk zu Gespr\u00e4chen \u00fcber die "
        "wirtschaftliche Zusammenarbeit empfangen. Die beiden Minister unterzeichneten eine "
        "Absichtserkl\u00e4rung \u00fcber den Handel und vereinbarten ein Treffen im "
        "n\u00e4chsten Jahr."
    ),
    "Russian": (
        "\u0412\u0410\u041b\u041c\u041e\u0420 \u2013 \u041c\u0438\u043d\u0438\u0441\u0442\u0440 "
        "\u0438\u043d\u043e\u0441\u0442\u0440\u0430\u043d\u043d\u044b\u0445 \u0434\u0435\u043b "
        "\u041a\u043e\u0441\u0442\u0430\u0432\u0438\u0438 \u0410\u043d\u0440\u0438 "
        "\u0414\u0430\u043b\u0443\u0437\u0435 \u0432\u043e \u0432\u0442\u043e\u0440\u043d\u0438"
        "\u043a \u043f\u0440\u043e\u0432\u0451\u043b \u043f\u0435\u0440\u0435\u0433\u043e\u0432"
        "\u043e\u0440\u044b \u0441\u043e \u0441\u0432\u043e\u0435\u0439 \u043a\u043e\u043b"
        "\u043b\u0435\u0433\u043e\u0439 \u0438\u0437 \u041d\u043e\u0440\u043b\u0430\u043d"
        "\u0434\u0438\u0438 \u041f\u0435\u0442\u0440\u043e\u0439 \u0412\u0438\u043d\u0441"
        "\u043a \u043e \u0442\u043e\u0440\u0433\u043e\u0432\u043e-\u044d\u043a\u043e\u043d"
        "\u043e\u043c\u0438\u0447\u0435\u0441\u043a\u043e\u043c \u0441\u043e\u0442\u0440\u0443"
        "\u0434\u043d\u0438\u0447\u0435\u0441\u0442\u0432\u0435. \u041c\u0438\u043d\u0438"
        "\u0441\u0442\u0440\u044b \u043f\u043e\u0434\u043f\u0438\u0441\u0430\u043b\u0438 "
        "\u043c\u0435\u043c\u043e\u0440\u0430\u043d\u0434\u0443\u043c \u043e \u0432\u0437\u0430"
        "\u0438\u043c\u043e\u043f\u043e\u043d\u0438\u043c\u0430\u043d\u0438\u0438 \u0432 "
        "\u0441\u0444\u0435\u0440\u0435 \u0442\u043e\u0440\u0433\u043e\u0432\u043b\u0438."
    ),
}
# Short English items, heavy with foreign names: too little text for a sure guess.
SHORT_ENGLISH = [
    "Officials met.",
    "TASHKENT \u2013 Foreign Minister Dario Venkel met Ilse Marrow on Tuesday.",
    "Kassym-Adil Tokarbek received Shavkat Mirzaliyev and Roch Kabor\u00e9 in Ouagadougou.",
    "Juan Carlos Rodr\u00edguez de la Fuente y Hern\u00e1ndez met Jos\u00e9 Mar\u00eda Aznal.",
    "Le Drian, de Villepin and van der Bellen signed a communiqu\u00e9.",
]


@pytest.mark.parametrize(("language", "text"), PARAGRAPHS.items())
def test_other_languages_are_refused_naming_the_language(language, text):
    with pytest.raises(LanguageError) as caught:
        parse_seed(f"date 2025-03-12 {text}", "talks.txt")
    error = caught.value
    assert isinstance(error, InputError)  # so every batch reports it like any bad input
    assert error.source == "talks.txt"
    assert language in error.reason and "English" in error.reason
    assert str(error).startswith("talks.txt: the text is in")


def test_the_body_decides_not_the_title():
    english = (
        "TASHKENT \u2013 Uzbek Foreign Minister Dario Venkel met his Kazakh counterpart Ilse "
        "Marrow on Tuesday to discuss trade, water management and transport links. The two "
        "ministers signed a memorandum of understanding and agreed to meet again next year."
    )
    record = {"date": "2025-03-12", "title": PARAGRAPHS["French"][:80]}
    assert parse_record({**record, "text": english}, "a.json").title
    with pytest.raises(LanguageError, match="French"):
        parse_record({**record, "text": PARAGRAPHS["French"], "title": "Talks"}, "b.json")


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_passes(text):
    check_language(text, "short.txt")
    assert parse_seed(f"date 2025-03-12 {text}", "short.txt").body == text


def test_english_examples_are_accepted(examples_dir):
    items = list(read_paths([examples_dir]))
    assert len(items) >= 3 and not [i for i in items if isinstance(i, InputError)]


def test_english_dev_corpus_is_accepted(dev_corpus):
    items = list(read_paths([dev_corpus / "articles"]))
    assert len(items) >= 20 and not [i for i in items if isinstance(i, InputError)]


def test_importing_the_reader_loads_no_model():
    code = "import sys, communique.mapping.reading.reader; print('py3langid' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def write_batch(folder: Path) -> Path:
    folder.mkdir()
    (folder / "fr.txt").write_text(f"date 2025-03-12 {PARAGRAPHS['French']}", "utf-8")
    (folder / "en.txt").write_text(
        "date 2025-03-12 TASHKENT \u2013 Uzbek Foreign Minister Dario Venkel met Kazakh "
        "Foreign Minister Ilse Marrow on Tuesday.",
        "utf-8",
    )
    return folder


@pytest.mark.slow  # maps the English file with spaCy
def test_map_reports_the_french_file_and_writes_the_english_one(tmp_path):
    inputs, out = write_batch(tmp_path / "in"), tmp_path / "out"
    result = CliRunner().invoke(cli, ["map", "--out-dir", str(out), str(inputs)])
    assert result.exit_code == 1, result.output
    assert f"{inputs / 'fr.txt'}: the text is in French" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["en.ttl"]


def fake_map_articles(articles, *, base=None, **kw):
    """A one-fact graph per article: this test is about the batch, not the mapper."""
    minter = Minter(base)
    for article in articles:
        iri = minter.article(article)
        graph = Graph()
        graph.add((iri, RDF.type, DIP.Article))
        # a fact read from it: ingest rejects an article without any
        graph.add((minter.fact("event", str(iri)), PROV.wasDerivedFrom, iri))
        yield MappedArticle(article, iri, minter.article_graph(article), graph)


def test_ingest_reports_the_french_file_and_stores_the_english_one(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "map_articles", fake_map_articles)
    monkeypatch.setattr(ingest_worker, "default_workers", lambda: 0)  # validate inline
    monkeypatch.setattr(
        validate, "validate_graph", lambda graph: validate.ValidationResult(True, Graph(), "")
    )
    monkeypatch.setattr(Store, "ensure_reference", lambda self, graph=None: None)
    inputs, data = write_batch(tmp_path / "in"), tmp_path / "data"
    args = ["ingest", str(inputs), "--data", str(data), "--base", BASE]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert f"failed {inputs / 'fr.txt'}: the text is in French" in result.stderr
    assert "stored 1 article(s)" in result.output


def post(client, text: str):
    body = json.dumps({"text": text, "date": "2025-03-12", "title": "Talks"})
    headers = {"Authorization": "Bearer test-token", "Content-Type": "application/json"}
    return client.post("/articles", data=body, headers=headers)


@pytest.fixture
def no_mapper(monkeypatch):
    """Fails the test if an article reaches the mapper."""

    def map_article(article, **kw):
        raise AssertionError(f"{article.source} should have been refused before mapping")

    monkeypatch.setattr(pipeline, "map_article", map_article)


def test_post_french_is_refused_before_mapping_with_422(client, no_mapper):
    response = post(client, PARAGRAPHS["French"])
    assert response.status_code == 422
    body = response.get_json()
    assert "French" in body["message"]
    assert body["language"] == "fr"
