"""The battery of wrong invocations: every one must end with exit 2 and one clear line on stderr (what it
`says`), create nothing and change nothing. `{db}` is a store of the examples, `{tmp}` a scratch folder
holding `other.sqlite` (another application's SQLite file) and `bad_actors.toml` (not UTF-8).

Run in-process by tests/test_cli_input.py, as real processes by bench/bad_invocations.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    argv: tuple[str, ...]
    says: str


def _cases() -> list[Case]:
    out: list[Case] = []

    def add(says: str, *argv: str) -> None:
        out.append(Case(tuple(argv), says))

    page = "{tmp}/page.txt"
    # --- the store named by --db ---------------------------------------------------------------------------
    for cmd in (["stats"], ["search", "Лавров"], ["show", "abc"], ["events"], ["actors"], ["quotes"],
                ["actor", "RUS"], ["dyad", "CHN", "RUS"], ["export", "--format", "plover-jsonl", "-o", "-"],
                ["migrate"]):
        add("no such store", *cmd, "--db", "{tmp}/nope.db")
    add("no such store", "stats", "--db", "{tmp}/no/such/folder/x.db")
    for url in ("mysql://u@h/db", "sqlite:///x.db", "http://example.com/db", "file:///tmp/x.db", "redis://h:6379"):
        add("unsupported database URL scheme", "stats", "--db", url)
        add("unsupported database URL scheme", "ingest", "--db", url, page)
    add("--db is empty", "search", "x", "--db", "")
    add("--db is empty", "ingest", "--db", "", page)
    add("in-memory store keeps nothing", "ingest", "--db", ":memory:", page)
    add(":memory: holds no stored articles", "stats", "--db", ":memory:")
    for cmd in (["stats"], ["search", "x"], ["ingest", page], ["migrate"]):
        add("not an entente store", *cmd, "--db", "{tmp}/other.sqlite")
    add("not a file", "stats", "--db", "{tmp}")
    add("not an SQLite file", "stats", "--db", "{tmp}/page.txt")
    # --- enumerations --------------------------------------------------------------------------------------
    for value in ("MEET", "meeting", "CONSULTT", "123", "", "Сотрудничество"):
        add("not a PLOVER event type", "events", "--type", value, "--db", "{db}")
    for value in ("Russia", "RU", "XXX", "", "Росія", "russia"):
        add("not an ISO alpha-3 country code", "actors", "--country", value, "--db", "{db}")
    add("invalid choice", "actors", "--type", "human", "--db", "{db}")
    add("invalid choice", "dyad", "CHN", "RUS", "--by", "week", "--db", "{db}")
    for cmd in (["search", "x"], ["events"], ["actors"], ["stats"], ["dyad", "CHN", "RUS"], ["quotes"]):
        add("invalid choice", *cmd, "--format", "xml", "--db", "{db}")
    add("invalid choice", "export", "--format", "csv", "-o", "-", "--db", "{db}")
    add("invalid choice", "analyze", page, "--errors", "ignore")
    add("invalid choice", "frobnicate")
    # --- dates ---------------------------------------------------------------------------------------------
    for value in ("yesterday", "2023-13", "2023-02-30", "2023-1", "23", "2023-00", "0000", "2023/03", "03.2023",
                  "2023-04-31", "", "2023-03-21T10:00"):
        add("date", "events", "--from", value, "--db", "{db}")
    for value in ("2024-13", "tomorrow", "2023-02-29"):
        add("date", "events", "--to", value, "--db", "{db}")
        add("date", "dyad", "CHN", "RUS", "--to", value, "--db", "{db}")
    add("date", "dyad", "CHN", "RUS", "--from", "March", "--db", "{db}")
    # --- actor names ---------------------------------------------------------------------------------------
    add("no stored actor matches 'Atlantis'", "dyad", "CHN", "Atlantis", "--db", "{db}")
    add("no stored actor matches 'Атлантида'", "dyad", "Атлантида", "RUS", "--db", "{db}")
    add("no stored actor matches", "events", "--actor", "Atlantis", "--db", "{db}")
    add("no stored actor matches", "events", "--recipient", "Бонапарт", "--db", "{db}")
    add("no stored actor matches", "actor", "Nobody Atall", "--db", "{db}")
    add("no stored actor matches", "quotes", "--speaker", "Zzyzx", "--db", "{db}")
    add("no stored actor matches", "dyad", "XYZ", "RUS", "--db", "{db}")
    add("an empty actor name", "actor", "", "--db", "{db}")
    add("an empty actor name", "dyad", "CHN", "  ", "--db", "{db}")
    add("an empty actor name", "events", "--actor", " ", "--db", "{db}")
    add("characters (at most 200)", "actor", "x" * 100_000, "--db", "{db}")
    add("characters (at most 200)", "events", "--actor", "Путин" * 1000, "--db", "{db}")
    # --- search syntax -------------------------------------------------------------------------------------
    for query, reason in (("Lavrov -Putin", "no '-' operator"), ('"Ван И', "quote is not closed"),
                          ("(Путин", "not closed"), ("Путин)", "without its '('"), ("OR", "before it"),
                          ("AND Путин", "before it"), ("Путин NOT", "ends with an operator"),
                          ("Лав*ров", "only at the end"), ("*", "lone '*'"), ("+Putin", "no '+' operator"),
                          ("()", "right before ')'"), (" ".join(["Путин"] * 10_000), "characters"),
                          (" ".join(["Путин"] * 100), "more than 64 words"), ("x" * 2000, "characters")):
        add(reason, "search", query, "--db", "{db}")
    # --- numbers -------------------------------------------------------------------------------------------
    for value in ("0", "-5", "99999999999999999999", "abc", "1.5", "1000001"):
        add("whole number", "search", "x", "--limit", value, "--db", "{db}")
    for cmd in (["events"], ["actors"], ["quotes"], ["dyad", "CHN", "RUS", "--events"], ["stories"]):
        add("whole number", *cmd, "--limit", "0", "--db", "{db}")
    add("whole number", "actor", "RUS", "--top", "0", "--db", "{db}")
    add("whole number", "eval", "ner", "{tmp}", "--format", "nerel", "--limit", "0")
    for value in ("0", "-5", "abc", "1e3"):
        add("whole number", "ingest", "--batch", value, "--db", "{tmp}/new.db", page)
    for value in ("0", "-1", "10MB"):
        add("whole number", "analyze", "--max-bytes", value, page)
        add("whole number", "ingest", "--max-bytes", value, "--db", "{tmp}/new.db", page)
    # --- outputs -------------------------------------------------------------------------------------------
    add("does not exist", "export", "--format", "gdelt-csv", "-o", "{tmp}/no/such/x.csv", "--db", "{db}")
    add("is a folder", "export", "--format", "gdelt-csv", "-o", "{tmp}", "--db", "{db}")
    add("does not exist", "dyad", "CHN", "RUS", "--chart", "{tmp}/no/such/c.png", "--db", "{db}")
    add("is a folder", "dyad", "CHN", "RUS", "--chart", "{tmp}", "--db", "{db}")
    add("must end in .png or .svg", "dyad", "CHN", "RUS", "--chart", "{tmp}/c.pdf", "--db", "{db}")
    add("parquet cannot go to standard output", "export", "--format", "parquet", "-o", "-", "--db", "{db}")
    # --- the --actors file ---------------------------------------------------------------------------------
    add("bad_actors.toml: not UTF-8", "analyze", "--actors", "{tmp}/bad_actors.toml", page)
    add("bad_actors.toml: not UTF-8", "ingest", "--actors", "{tmp}/bad_actors.toml", "--db", "{tmp}/new.db", page)
    add("missing.toml: No such file", "analyze", "--actors", "{tmp}/missing.toml", page)
    return out


BAD = _cases()


def invocations() -> list[Case]:
    return BAD
