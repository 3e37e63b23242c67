"""The one reading of a written jenis kelamin, shared by the SKM answers and the buku tamu import."""

from __future__ import annotations

import pytest

from desktop.services.guests import skm


@pytest.mark.parametrize(
    ("text", "code"),
    [("L", "L"), ("lk", "L"), ("Laki-laki", "L"), (" PRIA ", "L"), ("p", "P"), ("Pr", "P"), ("Wanita", "P")],
)
def test_the_words_people_write_read_as_l_or_p(text: str, code: str) -> None:
    assert skm.gender_code(text) == code
    assert skm.jenis_kelamin_value(text) == code


def test_other_words_are_no_code_and_the_skm_answer_says_why() -> None:
    assert skm.gender_code("X") == "" == skm.gender_code("")
    with pytest.raises(ValueError, match="jenis kelamin \u201cX\u201d tidak dikenal"):
        skm.jenis_kelamin_value("X")
