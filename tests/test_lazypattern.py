"""A pattern from the cache is rebuilt on first use, once, and pickles again after it."""

import pickle
import threading

import regex

from factx.lazypattern import LazyPattern


def test_rebuilt_on_first_use_and_pickled_again():
    lazy = pickle.loads(pickle.dumps(LazyPattern(regex.compile(r"(?P<y>\d{4})"), key="k")))
    assert lazy._pattern is None and lazy.key == "k"
    assert lazy.match("2026").group("y") == "2026"
    again = pickle.loads(pickle.dumps(lazy))
    assert again.match("1999").group() == "1999" and again.key == "k"


def test_threads_asking_at_once_all_get_the_pattern():
    data = pickle.dumps(LazyPattern(regex.compile(r"a+")))
    for _ in range(50):
        lazy = pickle.loads(data)
        found = []
        threads = [threading.Thread(target=lambda: found.append(lazy.match("aaa").group())) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert found == ["aaa"] * 8
