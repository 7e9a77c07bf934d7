from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.operation_entity import OperationEntity
from ..models.operation_state import OperationState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.operation_counter import OperationCounter


T = TypeVar("T", bound="Operation")


@_attrs_define
class Operation:
    """An asynchronous operation (one task per entity). All fields are read-only.
    Timestamps are integers: milliseconds since the Unix epoch, UTC.

        Attributes:
            uid (str): Operation's unique identifier.
            state (OperationState | str): State of an operation. `FINISHED` is final, whatever the outcome of the tasks
                (success, failure, cancellation): read `counters` for it. `INITIALIZING` is shown
                by the portal's operation list.
            entity (OperationEntity | str | Unset): The kind of entity an operation acts on.
            operation_type (str | Unset): What the operation does, e.g. `SYSTEM_ACTIVATE`. The value of a partnership
                request was not found; the simulator uses `PARTNER_REQUEST`.
            created_at (int | Unset): When the operation was created, in milliseconds since the Unix epoch (UTC).
            start_date (int | None | Unset): When the operation started, in milliseconds since the Unix epoch (UTC); null or
                absent before.
            cancel_date (int | None | Unset): When the operation was cancelled, in milliseconds since the Unix epoch (UTC);
                null or absent if it was not.
            timeout_date (int | None | Unset): When the operation times out, in milliseconds since the Unix epoch (UTC);
                null or absent without a timeout.
            end_date (int | None | Unset): When the operation finished, in milliseconds since the Unix epoch (UTC); null or
                absent before.
            counters (list[OperationCounter] | Unset): Number of tasks per task state.
            total (int | Unset): Number of tasks of the operation.
            target (None | str | Unset): The uid of the entity the operation acts on; null when it acts on several.
            category (str | Unset): Deprecated (always `TASK`).
            type_ (str | Unset): Deprecated; see `operationType`.
    """

    uid: str
    state: OperationState | str
    entity: OperationEntity | str | Unset = UNSET
    operation_type: str | Unset = UNSET
    created_at: int | Unset = UNSET
    start_date: int | None | Unset = UNSET
    cancel_date: int | None | Unset = UNSET
    timeout_date: int | None | Unset = UNSET
    end_date: int | None | Unset = UNSET
    counters: list[OperationCounter] | Unset = UNSET
    total: int | Unset = UNSET
    target: None | str | Unset = UNSET
    category: str | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = self.uid

        state: str
        if isinstance(self.state, OperationState):
            state = self.state.value
        else:
            state = self.state

        entity: str | Unset
        if isinstance(self.entity, Unset):
            entity = UNSET
        elif isinstance(self.entity, OperationEntity):
            entity = self.entity.value
        else:
            entity = self.entity

        operation_type = self.operation_type

        created_at = self.created_at

        start_date: int | None | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        else:
            start_date = self.start_date

        cancel_date: int | None | Unset
        if isinstance(self.cancel_date, Unset):
            cancel_date = UNSET
        else:
            cancel_date = self.cancel_date

        timeout_date: int | None | Unset
        if isinstance(self.timeout_date, Unset):
            timeout_date = UNSET
        else:
            timeout_date = self.timeout_date

        end_date: int | None | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        else:
            end_date = self.end_date

        counters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.counters, Unset):
            counters = []
            for counters_item_data in self.counters:
                counters_item = counters_item_data.to_dict()
                counters.append(counters_item)

        total = self.total

        target: None | str | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        category = self.category

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uid": uid,
                "state": state,
            }
        )
        if entity is not UNSET:
            field_dict["entity"] = entity
        if operation_type is not UNSET:
            field_dict["operationType"] = operation_type
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if start_date is not UNSET:
            field_dict["startDate"] = start_date
        if cancel_date is not UNSET:
            field_dict["cancelDate"] = cancel_date
        if timeout_date is not UNSET:
            field_dict["timeoutDate"] = timeout_date
        if end_date is not UNSET:
            field_dict["endDate"] = end_date
        if counters is not UNSET:
            field_dict["counters"] = counters
        if total is not UNSET:
            field_dict["total"] = total
        if target is not UNSET:
            field_dict["target"] = target
        if category is not UNSET:
            field_dict["category"] = category
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.operation_counter import OperationCounter

        d = dict(src_dict)
        uid = d.pop("uid")

        def _parse_state(data: object) -> OperationState | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = OperationState(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OperationState | str, data)

        state = _parse_state(d.pop("state"))

        def _parse_entity(data: object) -> OperationEntity | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                entity_type_0 = OperationEntity(data)

                return entity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OperationEntity | str | Unset, data)

        entity = _parse_entity(d.pop("entity", UNSET))

        operation_type = d.pop("operationType", UNSET)

        created_at = d.pop("createdAt", UNSET)

        def _parse_start_date(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        start_date = _parse_start_date(d.pop("startDate", UNSET))

        def _parse_cancel_date(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cancel_date = _parse_cancel_date(d.pop("cancelDate", UNSET))

        def _parse_timeout_date(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        timeout_date = _parse_timeout_date(d.pop("timeoutDate", UNSET))

        def _parse_end_date(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        end_date = _parse_end_date(d.pop("endDate", UNSET))

        _counters = d.pop("counters", UNSET)
        counters: list[OperationCounter] | Unset = UNSET
        if _counters is not UNSET:
            counters = []
            for counters_item_data in _counters:
                counters_item = OperationCounter.from_dict(counters_item_data)

                counters.append(counters_item)

        total = d.pop("total", UNSET)

        def _parse_target(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        category = d.pop("category", UNSET)

        type_ = d.pop("type", UNSET)

        operation = cls(
            uid=uid,
            state=state,
            entity=entity,
            operation_type=operation_type,
            created_at=created_at,
            start_date=start_date,
            cancel_date=cancel_date,
            timeout_date=timeout_date,
            end_date=end_date,
            counters=counters,
            total=total,
            target=target,
            category=category,
            type_=type_,
        )

        operation.additional_properties = d
        return operation

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
