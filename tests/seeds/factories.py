"""Small factories for the seed ledgers: made-up people with valid, made-up resident ID numbers,
stations, workers and records, from a seeded generator (the same seed always gives the same
ledger). Nothing here comes from a real ledger; the county codes are the real GB/T 2260 codes of
the counties the articles are about, so the ID numbers look like the region's.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from decimal import Decimal

import attrs

from socialwork_core.casework import Activity, Case
from socialwork_core.contacts import Contact
from socialwork_core.glossary import (
    ActivityKind,
    CaseStage,
    CertificateLevel,
    ContactMode,
    DisabilityGrade,
    DisabilityKind,
    LinkStatus,
    ProviderKind,
    ResourceKind,
    StationTier,
)
from socialwork_core.glossary.messages import testing as words
from socialwork_core.identity.resident_id import compose
from socialwork_core.identity.resident_id import sex as sex_of
from socialwork_core.recipients import Disability, Recipient
from socialwork_core.resources import ResourceLink
from socialwork_core.stations import SocialWorker, Station


def days(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end``, both included."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def spread(total: int, parts: int) -> list[int]:
    """``total`` cut into ``parts`` whole numbers as even as can be (the first ones get the
    remainder), so that the parts add up to ``total`` exactly."""
    base, extra = divmod(total, parts)
    return [base + (1 if n < extra else 0) for n in range(parts)]


class Seeded:
    """One seed's generator: people, workers and records with unique keys and ID numbers."""

    def __init__(self, seed: int, *, area: str, as_of: date) -> None:
        self.rng = random.Random(seed)
        self.area = area
        self.as_of = as_of
        self._people = 0
        self._numbers: set[str] = set()
        self._records: dict[str, int] = {}
        self._heads: dict[tuple[str, str], set[str]] = {}
        given = sorted({c for name in words.GIVEN_NAMES for c in name})
        self._given = [a + b for a in given for b in given if a != b]

    def next_id(self, prefix: str) -> str:
        """``prefix`` and a running number: ``V000001``."""
        n = self._records.get(prefix, 0) + 1
        self._records[prefix] = n
        return f"{prefix}{n:06d}"

    def name(self) -> str:
        return self.rng.choice(words.FAMILY_NAMES) + self.rng.choice(self._given)

    def resident_id(self, age: int) -> str:
        """A valid, made-up number for someone ``age`` years old on the as-of date."""
        while True:
            year = self.as_of.year - age - 1
            born = date(year, 1, 1) + timedelta(days=self.rng.randrange(365))
            number = compose(self.area, born, self.rng.randrange(1000))
            if number not in self._numbers:
                self._numbers.add(number)
                return number

    def person(
        self,
        *,
        age: int,
        categories: Iterable[str] = (),
        station_code: str,
        township: str,
        village: str,
        household_head: str | None = None,
        disabled: bool = False,
        registered_on: date | None = None,
    ) -> Recipient:
        """A person on the register: ``age`` on the as-of date, holding ``categories``."""
        self._people += 1
        number = self.resident_id(age)
        name = self.name()
        if household_head is None:
            # a household is known by its head's name within the village: keep them apart
            heads = self._heads.setdefault((station_code, village), set())
            while name in heads:
                name = self.name()
            heads.add(name)
        disability = None
        if disabled:
            kind = self.rng.choice(list(DisabilityKind))
            grade = self.rng.choice(list(DisabilityGrade))
            disability = Disability(kind=kind, grade=grade)
        return Recipient(
            key=f"R{self._people:06d}",
            name=name,
            resident_id=number,
            sex=sex_of(number),
            township=township,
            village=village,
            station_code=station_code,
            household_head=household_head or name,
            categories=frozenset(categories),
            disability=disability,
            registered_on=registered_on or self.as_of - timedelta(days=400),
        )

    def worker(
        self,
        station_code: str,
        *,
        certified: bool = False,
        started_on: date | None = None,
        left_on: date | None = None,
    ) -> SocialWorker:
        level = CertificateLevel.ASSISTANT if certified else CertificateLevel.NONE
        return SocialWorker(
            id=self.next_id("W"),
            name=self.name(),
            station_code=station_code,
            certificate=level,
            started_on=started_on or self.as_of - timedelta(days=800),
            left_on=left_on,
        )

    def contact(
        self,
        on: date,
        people: Iterable[str],
        *,
        mode: ContactMode = ContactMode.HOME_VISIT,
        station_code: str | None = None,
        alert_id: str | None = None,
        worker_ids: tuple[str, ...] = (),
        relocated: bool | None = None,
    ) -> Contact:
        return Contact(
            id=self.next_id("V"),
            on=on,
            mode=mode,
            recipient_keys=tuple(people),
            worker_ids=worker_ids,
            station_code=station_code,
            alert_id=alert_id,
            relocated=relocated,
        )

    def activity(
        self,
        on: date,
        *,
        kind: ActivityKind,
        title: str,
        station_code: str,
        participants: int = 0,
        special: int = 0,
        volunteers: int = 0,
        participant_keys: Iterable[str] = (),
        worker_ids: Iterable[str] = (),
        campaign_id: str | None = None,
    ) -> Activity:
        return Activity(
            id=self.next_id("E"),
            kind=kind,
            title=title,
            on=on,
            station_code=station_code,
            participants=participants,
            special_group_participants=special,
            volunteers=volunteers,
            participant_keys=tuple(participant_keys),
            worker_ids=tuple(worker_ids),
            campaign_id=campaign_id,
        )

    def link(
        self,
        on: date,
        *,
        provider: str,
        provider_kind: ProviderKind,
        description: str,
        kind: ResourceKind = ResourceKind.SERVICE,
        station_code: str | None = None,
        value_yuan: int | None = None,
        head_count: int = 1,
        approximate: bool = False,
    ) -> ResourceLink:
        return ResourceLink(
            id=self.next_id("L"),
            on=on,
            kind=kind,
            description=description,
            provider=provider,
            provider_kind=provider_kind,
            value_yuan=None if value_yuan is None else Decimal(value_yuan),
            value_is_approximate=approximate,
            head_count=head_count,
            status=LinkStatus.FULFILLED,
            station_code=station_code,
        )

    def case(
        self,
        person: str,
        *,
        opened_on: date,
        closed_on: date | None = None,
        station_code: str | None = None,
    ) -> Case:
        return Case(
            id=self.next_id("C"),
            recipient_keys=(person,),
            opened_on=opened_on,
            stage=CaseStage.CLOSED if closed_on is not None else CaseStage.INTERVENTION,
            closed_on=closed_on,
            station_code=station_code,
        )


def station(
    code: str, name: str, tier: StationTier, *, parent: str | None = None, **fields: object
) -> Station:
    return Station(code=code, name=name, tier=tier, parent_code=parent, **fields)  # type: ignore[arg-type]


def cycle(items: list[str]) -> Iterator[str]:
    """The items over and over, in order."""
    while True:
        yield from items


@attrs.frozen
class Quote:
    """A number an article quotes, with the words it comes from."""

    number: int
    words: str
