"""The recipient (服务对象): a person on a station's register."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import attrs

from ..dates import age_at
from ..glossary.terms import RegisterStatus, SelfCareLevel, ServiceLevel, Sex
from ..identity import phone, resident_id
from ..validation import non_blank, optional_non_blank, to_frozenset, to_mapping, to_tuple
from .disability import Disability

__all__ = ["Recipient"]


def _resident_id(value: str | None) -> str | None:
    return None if value is None else resident_id.compact(value)


def _valid_resident_id(
    _instance: object, _attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    # Records hold only usable 18-character numbers; the ledger layer reports why a cell is not one.
    if value is not None:
        checked = resident_id.check(value)
        if checked.number != value:
            raise ValueError(
                f"resident_id must be a valid 18-character number, got {value!r}: "
                + "; ".join(f.code for f in checked.findings)
            )


def _valid_phones(
    _instance: object, _attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for number in value:
        if phone.normalise(number) != number:
            raise ValueError(f"phone {number!r} is not a normalised phone number")


def _status_dates(
    instance: Recipient, _attribute: attrs.Attribute[date | None], value: date | None
) -> None:
    if value is not None and instance.registered_on is not None and value < instance.registered_on:
        raise ValueError(f"status_since {value} is before registered_on {instance.registered_on}")


@attrs.frozen(kw_only=True)
class Recipient:
    """服务对象: one person on the register.

    Sex and birth date are derived from ``resident_id`` where there is one (see
    :attr:`effective_sex`, :attr:`effective_birth_date`); the declared values are kept as the
    ledger gave them, and a disagreement is a warning from the category checks, not a change.
    """

    key: str = attrs.field(validator=non_blank)
    """The register key: 档案号 where the ledger has one, otherwise the resident ID."""
    name: str = attrs.field(validator=non_blank)
    """姓名."""
    resident_id: str | None = attrs.field(
        default=None, converter=_resident_id, validator=_valid_resident_id
    )
    """身份证号, 18 characters, validated (see :mod:`socialwork_core.identity.resident_id`)."""
    sex: Sex | None = attrs.field(default=None, converter=attrs.converters.optional(Sex))
    """性别 as declared in the ledger."""
    birth_date: date | None = None
    """出生日期 as declared in the ledger."""
    ethnicity: str | None = attrs.field(default=None, validator=optional_non_blank)
    """民族."""
    phones: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_valid_phones)
    """联系电话, normalised (see :mod:`socialwork_core.identity.phone`)."""
    household_address: str | None = None
    """户籍地址."""
    residence_address: str | None = None
    """居住地址."""
    township: str | None = None
    """镇街: the township or street."""
    village: str | None = None
    """村居: the village or community (name or code), used to match alerts by area."""
    station_code: str | None = None
    """The code of the station whose register holds the person."""
    household_head: str | None = None
    """户主 or family name the household is filed under."""
    guardian: str | None = None
    """监护人 / 主要照顾者."""
    guardian_phone: str | None = None
    """监护人电话, normalised."""
    categories: frozenset[str] = attrs.field(factory=frozenset, converter=to_frozenset)
    """对象类别 codes: :class:`~socialwork_core.glossary.terms.Category` values, plus any local
    category an adapter declares. Several at once."""
    disability: Disability | None = None
    """残疾类别与等级."""
    self_care: SelfCareLevel | None = attrs.field(
        default=None, converter=attrs.converters.optional(SelfCareLevel)
    )
    """生活自理能力 as last recorded in the ledger."""
    declared_level: ServiceLevel | None = attrs.field(
        default=None, converter=attrs.converters.optional(ServiceLevel)
    )
    """服务等级 / 跟进级别 as written in the ledger (the computed grade is separate)."""
    worker_id: str | None = None
    """负责社工: the responsible social worker's id."""
    registered_on: date | None = None
    """建档日期."""
    status: RegisterStatus = attrs.field(default=RegisterStatus.ACTIVE, converter=RegisterStatus)
    """状态: 在册, 退出, 死亡, 迁出."""
    status_since: date | None = attrs.field(default=None, validator=_status_dates)
    """Date the status took effect (for 退出/死亡/迁出)."""
    needs: str | None = None
    """服务需求, free text."""
    extras: Mapping[str, str] = attrs.field(factory=dict, converter=to_mapping)
    """Ledger columns the format does not know, header → cell text, kept so nothing is lost."""

    @property
    def effective_birth_date(self) -> date | None:
        """The birth date from the ID number, else the declared one."""
        if self.resident_id is not None:
            return resident_id.birth_date(self.resident_id)
        return self.birth_date

    @property
    def effective_sex(self) -> Sex | None:
        """Sex from the ID number, else the declared one."""
        if self.resident_id is not None:
            return resident_id.sex(self.resident_id)
        return self.sex

    def age(self, as_of: date) -> int | None:
        """Completed years on ``as_of``; ``None`` when no birth date is known."""
        birth = self.effective_birth_date
        return None if birth is None else age_at(birth, as_of)

    def is_on_register(self, as_of: date) -> bool:
        """On the register at ``as_of``: registered by then and not left by then."""
        if self.registered_on is not None and self.registered_on > as_of:
            return False
        if self.status.is_on_register:
            return True
        return self.status_since is not None and self.status_since > as_of

    def holds(self, category: str) -> bool:
        """True if the person holds the category code."""
        return category in self.categories
