import json
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from .models import Municipality

DATA_DIR = Path(__file__).resolve().parent / "data"


@transaction.atomic
def municipalities_load_reference(*, update: bool = False) -> int:
    """Load the region's municipalities shipped in `places/data/`. Returns how many were new."""
    created_count = 0
    rows = json.loads((DATA_DIR / "municipalities.json").read_text(encoding="utf-8"))
    for row in rows:
        values = {
            "slug": slugify(row["name"].replace("ß", "ss")),
            "district": row["district"],
            "state": row["state"],
            "postcodes": ",".join(row.get("postcodes", [])),
            "latitude": row["lat"],
            "longitude": row["lon"],
        }
        obj, created = Municipality.objects.get_or_create(name=row["name"], defaults=values)
        created_count += created
        if not created and update:
            for field, value in values.items():
                setattr(obj, field, value)
            obj.save()
    return created_count
