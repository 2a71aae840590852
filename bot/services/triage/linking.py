"""Linking tips that name the same recruiter: same phone number, same name, or a name spelt a little differently.

Exact matches go through a dictionary of link keys. Fuzzy name matches (rapidfuzz ``token_sort_ratio`` >= 90 on
normalised names of six letters or more) are only tried between names whose sorted words start with the same
letter, which keeps thousands of tips fast while still catching "maju jaya sejahtera" / "maju jaya sejahtra".
Two tips are related when they share an entity; names that match fuzzily count as one name (so "Yohanes
Lake", "Yohanis Lake" and "Johanes Lake" are one recruiter), but tips are not chained through other tips.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.services.triage.entities import Entities, normalise_name, normalise_phone

FUZZY_THRESHOLD = 90
MIN_NAME_LENGTH = 6
LINK_KINDS = ("phone", "name")


def link_key(kind: str, value: str) -> str:
    """A stable key for storing and looking up a link: "phone:+6281234567890", "name:majujayasejahtra"."""
    if kind == "phone":
        return f"phone:{normalise_phone(value) or value.strip()}"
    if kind == "name":
        return f"name:{normalise_name(value).replace(' ', '')}"
    raise ValueError(f"unknown link kind {kind!r}; expected one of {', '.join(LINK_KINDS)}")


def _linkable(name: str) -> bool:
    # Short names ("maria", "yos") are shared by too many unrelated people to tie tips together on their own.
    return len(name.replace(" ", "")) >= MIN_NAME_LENGTH


def link_keys(entities: Entities) -> frozenset[str]:
    """The exact link keys of one tip's entities (phones, and names long enough to link on)."""
    keys = {f"phone:{p}" for p in entities.phones}
    keys |= {f"name:{n.replace(' ', '')}" for n in entities.names if _linkable(n)}
    return frozenset(keys)


def _block(name: str) -> str:
    # token_sort_ratio compares sorted words, so block on the first letter of the sorted form.
    return "".join(sorted(name.split()))[:1]


def _groups(entities_by_tip: Mapping[str, Entities]) -> list[frozenset[str]]:
    """Sets of tips that share one entity (a phone, a name, or a pair of names that match fuzzily)."""
    from rapidfuzz import fuzz, process

    by_key: dict[str, set[str]] = {}
    tips_by_name: dict[str, set[str]] = {}
    for tip, entities in entities_by_tip.items():
        for key in link_keys(entities):
            by_key.setdefault(key, set()).add(tip)
        for name in entities.names:
            if _linkable(name):
                tips_by_name.setdefault(name, set()).add(tip)
    groups = [frozenset(tips) for tips in by_key.values() if len(tips) > 1]

    blocks: dict[str, list[str]] = {}
    for name in tips_by_name:
        blocks.setdefault(_block(name), []).append(name)
    # Union-find over names, so that a recruiter spelt three ways counts as one recruiter.
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for names in blocks.values():
        if len(names) < 2:
            continue
        for i, name in enumerate(names[:-1]):
            rest = names[i + 1 :]
            for _, _, j in process.extract(
                name, rest, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_THRESHOLD, limit=None
            ):
                other = rest[j]
                if name.replace(" ", "") == other.replace(" ", ""):
                    continue  # same exact key: already grouped
                parent.setdefault(name, name)
                parent.setdefault(other, other)
                a, b = find(name), find(other)
                if a != b:
                    parent[b] = a
    clusters: dict[str, set[str]] = {}
    for name in parent:
        clusters.setdefault(find(name), set()).update(tips_by_name[name])
    groups += [frozenset(tips) for tips in clusters.values() if len(tips) > 1]
    return [g for g in groups if len(g) > 1]


def find_links(entities_by_tip: Mapping[str, Entities]) -> dict[str, set[str]]:
    """For every tip, the other tips that share a phone number or a (fuzzily) matching name with it."""
    related: dict[str, set[str]] = {tip: set() for tip in entities_by_tip}
    for group in _groups(entities_by_tip):
        for tip in group:
            related[tip] |= group - {tip}
    return related


def shared_recruiter_counts(entities_by_tip: Mapping[str, Entities]) -> dict[str, int]:
    """For every tip, the largest number of tips (itself included) naming one of its recruiters: the
    ``shared_recruiter_tip_count`` for ``escalate_for_links``."""
    counts = dict.fromkeys(entities_by_tip, 1)
    for group in _groups(entities_by_tip):
        for tip in group:
            counts[tip] = max(counts[tip], len(group))
    return counts
