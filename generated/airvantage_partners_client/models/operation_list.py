from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.operation import Operation


T = TypeVar("T", bound="OperationList")


@_attrs_define
class OperationList:
    """One page of operations.

    Attributes:
        items (list[Operation]):
        count (int): Total number of operations matching the criteria.
        size (int): Number of items in this page.
        offset (int): Index of the page's first item among all matches.
    """

    items: list[Operation]
    count: int
    size: int
    offset: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        count = self.count

        size = self.size

        offset = self.offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "count": count,
                "size": size,
                "offset": offset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.operation import Operation

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Operation.from_dict(items_item_data)

            items.append(items_item)

        count = d.pop("count")

        size = d.pop("size")

        offset = d.pop("offset")

        operation_list = cls(
            items=items,
            count=count,
            size=size,
            offset=offset,
        )

        operation_list.additional_properties = d
        return operation_list

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
