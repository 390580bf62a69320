"""Load the award's vocabularies: categories and their renames, zones, sectors, editions."""

from __future__ import annotations

from pathlib import Path

from .aliases import Lookup
from .problems import Problems
from .records import Category, CategoryName, Edition, Labelled
from .tables import TableSpec, read_table
from .values import ValueProblem, parse_date, parse_url, parse_year

FIRST_EDITION, LAST_EDITION = 2017, 2100
GROUPS = ("government", "business", "other")

CATEGORIES = TableSpec("category", ("slug", "group", "label_id", "label_en", "first_edition"),
                       ("last_edition", "description_id", "description_en", "aliases", "former_slugs"))
CATEGORY_NAMES = TableSpec("category name", ("category", "first_edition", "name_id", "name_en"),
                           ("last_edition",))
LABELLED = TableSpec("vocabulary", ("slug", "label_id", "label_en"), ("aliases",))
EDITIONS = TableSpec("edition", ("edition", "number", "labels"),
                     ("national_ceremony", "national_ceremony_place", "national_source_url",
                      "note_id", "note_en", "national_name", "national_name_source_url",
                      "national_name_quote"))
NAME_PREFIX = "Paritrana Award "


def _year(problems, table, row, column, optional=False):
    text = row[column]
    if optional and not text:
        return None
    try:
        return parse_year(text, FIRST_EDITION, LAST_EDITION)
    except ValueProblem as exc:
        problems.error(table.path, row["_row"], column, exc.message, exc.hint)
        return None


def load_categories(folder: Path, problems: Problems) -> tuple[tuple[Category, ...], Lookup]:
    """Categories with the names they carried over the editions, and the look-up of all their names."""
    aliases: dict[str, tuple[str, ...]] = {}
    names: dict[str, list[CategoryName]] = {}
    table = read_table(folder / "names.csv", CATEGORY_NAMES, problems)
    for row in table.frame.to_dict("records") if table else []:
        first = _year(problems, table, row, "first_edition")
        last = _year(problems, table, row, "last_edition", optional=True)
        if first is not None:
            names.setdefault(row["category"], []).append(
                CategoryName(first, last, row["name_id"], row["name_en"]))
    categories = []
    table = read_table(folder / "categories.csv", CATEGORIES, problems)
    for row in table.frame.to_dict("records") if table else []:
        if row["group"] not in GROUPS:
            problems.error(table.path, row["_row"], "group", f"unknown group '{row['group']}'",
                           f"use one of: {', '.join(GROUPS)}")
        first = _year(problems, table, row, "first_edition")
        last = _year(problems, table, row, "last_edition", optional=True)
        aliases[row["slug"]] = tuple(a.strip() for a in row["aliases"].split(";") if a.strip())
        categories.append(Category(
            slug=row["slug"], group=row["group"], label_id=row["label_id"], label_en=row["label_en"],
            first_edition=first or FIRST_EDITION, last_edition=last,
            description_id=row["description_id"], description_en=row["description_en"],
            names=tuple(sorted(names.pop(row["slug"], []), key=lambda n: n.first_edition)),
            former_slugs=tuple(s.strip() for s in row["former_slugs"].split(";") if s.strip())))
    for slug in names:
        problems.error(folder / "names.csv", None, "category", f"names given for unknown category '{slug}'",
                       "add it to categories.csv or fix the slug")
    categories = tuple(categories)
    return categories, category_lookup(categories, aliases)


def load_labelled(path: Path, problems: Problems) -> tuple[tuple[Labelled, ...], Lookup]:
    """Zones or sectors; returns the entries and a lookup from any name or alias to the slug."""
    entries, lookup = [], Lookup(path.stem.removesuffix("s"))
    table = read_table(path, LABELLED, problems)
    for row in table.frame.to_dict("records") if table else []:
        entries.append(Labelled(row["slug"], row["label_id"], row["label_en"]))
        lookup.add(row["slug"], row["label_id"], row["label_en"], how="label")
        lookup.add_names(row["slug"], row["aliases"].split(";"), "alias")
    return tuple(entries), lookup


def category_lookup(categories: tuple[Category, ...], aliases: dict[str, tuple[str, ...]]) -> Lookup:
    """A category by its slug, its label in either language, every name it carried, or an alias."""
    lookup = Lookup("category")
    for category in categories:
        lookup.add(category.slug, category.label_id, category.label_en, how="label")
        lookup.add_names(category.slug, [n for name in category.names for n in (name.name_id, name.name_en)],
                         "name over the editions")
        lookup.add_names(category.slug, category.former_slugs, "former slug")
        lookup.add_names(category.slug, aliases.get(category.slug, ()), "alias")
    return lookup


def load_editions(path: Path, problems: Problems) -> tuple[Edition, ...]:
    """Editions with national ceremony dates and the year labels sources used for them."""
    editions = []
    table = read_table(path, EDITIONS, problems)
    for row in table.frame.to_dict("records") if table else []:
        year = _year(problems, table, row, "edition")
        labels = []
        for part in row["labels"].split(";"):
            try:
                labels.append(parse_year(part, FIRST_EDITION, LAST_EDITION))
            except ValueProblem as exc:
                problems.error(table.path, row["_row"], "labels", exc.message, exc.hint)
        ceremony, url = None, None
        try:
            ceremony = parse_date(row["national_ceremony"]) if row["national_ceremony"] else None
            url = parse_url(row["national_source_url"]) if row["national_source_url"] else None
        except ValueProblem as exc:
            problems.error(table.path, row["_row"], None, exc.message, exc.hint)
        name, name_url = _national_name(problems, table, row, labels)
        if year is None or not row["number"].isdigit():
            continue
        editions.append(Edition(year, int(row["number"]), ceremony, row["national_ceremony_place"],
                                url, tuple(labels), row["note_id"], row["note_en"],
                                name, name_url, row["national_name_quote"]))
    return tuple(sorted(editions, key=lambda e: e.year))


def _national_name(problems, table, row, labels) -> tuple[str, str | None]:
    """The official name of the national round ('Paritrana Award 2024') and its source, checked."""
    name, source, quote = row["national_name"], row["national_name_source_url"], row["national_name_quote"]
    where = (table.path, row["_row"])
    if not name:
        if source or quote:
            problems.error(*where, "national_name", "a source is given but the name is empty",
                           "write the name, e.g. 'Paritrana Award 2024', or clear its source columns")
        return "", None
    year = name[len(NAME_PREFIX):]
    if not name.startswith(NAME_PREFIX) or not year.isdigit():
        problems.error(*where, "national_name", f"'{name}' is not of the form 'Paritrana Award <year>'",
                       "write the year the organisers gave the national round, e.g. 'Paritrana Award 2024'")
    elif int(year) not in labels:
        problems.error(*where, "national_name", f"the year of '{name}' is not among the edition's labels",
                       f"add {year} to the labels column or correct the name")
    if not source:
        problems.error(*where, "national_name_source_url", "the official name needs its source",
                       "give the address of an article that names the national round")
        return name, None
    try:
        return name, parse_url(source)
    except ValueProblem as exc:
        problems.error(*where, "national_name_source_url", exc.message, exc.hint)
        return name, None
