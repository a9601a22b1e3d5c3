"""Contact details found in an opening paragraph, offered for agency.yaml."""

from __future__ import annotations

import re
import unicodedata

_FIELDS: dict[str, re.Pattern[str]] = {
    "address": re.compile(r"(?:通讯|通信|联系|办公)?地址\s*[:：]\s*([^，,；;）)\n。]+)"),
    "postcode": re.compile(r"邮(?:政)?编(?:码)?\s*[:：]?\s*(\d{6})"),
    "phone": re.compile(r"(?:联系|咨询|办公)?电话(?:号码)?\s*[:：]?\s*(\(?\d[\d\-－—() ]{4,}\d)"),
    "email": re.compile(r"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"),
    "website": re.compile(r"(https?://[A-Za-z0-9./_%?&=:#~+-]+[A-Za-z0-9/])"),
    "contact_office": re.compile(r"请与\s*([^，,；;（(。]{2,30}?)\s*联系"),
}


def contact_details(text: str) -> dict[str, str]:
    """address, postcode, phone, email, website, contact_office — as written, where found."""
    # A PDF copy breaks lines anywhere, also inside "0791-8888" / "6666" or an address: a line
    # that does not end a sentence continues on the next one.
    normal = re.sub(r"(?<![。！？；;）)])\s*\n\s*", "", unicodedata.normalize("NFKC", text))
    found: dict[str, str] = {}
    for name, pattern in _FIELDS.items():
        m = pattern.search(normal)
        if m:
            found[name] = m.group(1).strip().replace("－", "-").replace("—", "-")
    return found
