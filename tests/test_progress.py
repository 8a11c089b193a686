"""Progress line: counts, rate limiting of redraws, silence when disabled."""

from __future__ import annotations

import io

from kg.progress import Progress


def test_progress_counts_articles_characters_and_failures():
    p = Progress(enabled=False)
    p.article(100)
    p.article(50)
    p.failure()
    assert (p.articles, p.chars, p.failures) == (2, 150, 1)


def test_progress_disabled_writes_nothing():
    out = io.StringIO()
    p = Progress(enabled=False, stream=out)
    p.article(10)
    p.failure()
    p.close()
    assert out.getvalue() == ""


def test_progress_enabled_draws_one_line_with_counts():
    out = io.StringIO()
    p = Progress(enabled=True, stream=out)
    p.article(1200)
    p.failure()
    p.close()
    text = out.getvalue()
    assert text.endswith("\n")
    assert text.count("\n") == 1
    last = text.rsplit("\r", 1)[-1]
    assert "1 articles" in last and "1 failed" in last and "chars/s" in last


def test_progress_redraws_at_most_every_fifth_of_a_second():
    out = io.StringIO()
    p = Progress(enabled=True, stream=out)
    for _ in range(1000):
        p.article(1)
    # the first call draws; the next thousand calls happen well within 0.2 s of one another
    # only if the machine is not starved, so count draws against elapsed time instead
    draws = out.getvalue().count("\r")
    assert 1 <= draws <= 1 + int(p.elapsed / 0.2) + 1


def test_progress_close_shows_final_counts():
    out = io.StringIO()
    p = Progress(enabled=True, stream=out)
    for _ in range(5):
        p.article(10)
    p.close()
    assert out.getvalue().rsplit("\r", 1)[-1].startswith("\x1b[Kkg: 5 articles")
