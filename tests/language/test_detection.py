from __future__ import annotations

import pytest

from twingraph.language.detection import detect_language, language_warning


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Stadt Dortmund befindet sich seit Februar 2023 in einer Solidaritätspartnerschaft mit der Großstadt "
         "Schytomyr, die bis spätestens 2025 in eine formale Städtepartnerschaft münden soll.", "de"),
        ("Leeds and Dortmund are committing to strengthening relations with the re-signing of their Memorandum of "
         "Understanding today, following the UK's departure from the European Union.", "en"),
        ("Міський голова Дніпра Борис Філатов повідомив, що Дніпро підписав угоду про співробітництво з німецьким "
         "містом Кельн.", "uk"),
        ("Городской голова Днепра сообщил, что город подписал соглашение о сотрудничестве с немецким городом Кёльн, "
         "это было сделано по видеосвязи.", "ru"),
        ("Le maire d'Amiens a reçu la délégation de Dortmund pour le jumelage des deux villes, qui dure depuis "
         "soixante ans et qui est célébré avec une fête dans la ville.", "fr"),
    ],
)  # fmt: skip
def test_detects(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_too_little_text_is_unknown() -> None:
    assert detect_language("Dortmund 2023") is None


def test_warning_only_for_languages_extraction_does_not_cover() -> None:
    assert language_warning("de") is None and language_warning("uk") is None
    fr = language_warning("fr")
    assert fr is not None and "'fr'" in fr and "few or no facts" in fr
    unknown = language_warning(None)
    assert unknown is not None and "not recognised" in unknown
