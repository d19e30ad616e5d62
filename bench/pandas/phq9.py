"""The pandas peer of `candor score --bank phq9.yaml TABLE --format csv` (bench/table.sh).

Scores a PHQ-9 table exactly as scoring/testdata/instruments/phq9.yaml does: the total of
items 1-9 (0-3 each); up to 2 unanswered items are prorated (sum x 9 / answered) and the
value kept to 9 decimals; more, and there is no value. Bands at 4/9/14/19; the urgent flag
self_harm when item 9 is above 0. Writes respondent,total_value,total_band,flags as CSV to
stdout.

    python3 bench/pandas/phq9.py TABLE.csv > out.csv
"""
import sys

import numpy as np
import pandas as pd

ITEMS = [f"phq9_{i}" for i in range(1, 10)]
BANDS = ["None-minimal", "Mild", "Moderate", "Moderately severe", "Severe"]
WORDS = {"not at all": 0, "several days": 1, "more than half the days": 2, "nearly every day": 3}


def main(path):
    df = pd.read_csv(path, dtype=str, keep_default_na=False, usecols=["respondent"] + ITEMS)
    items = df[ITEMS].apply(lambda c: c.str.strip().str.lower().replace(WORDS).replace("", np.nan)).astype(float)
    if (items.notna() & ((items < 0) | (items > 3) | (items % 1 != 0))).any().any():
        sys.exit("phq9.py: an item is not 0-3")
    answered = items.notna().sum(axis=1)
    total = items.sum(axis=1) * 9 / answered
    total = total.where(answered >= 7).clip(0, 27).round(9)
    band = pd.cut(total, [-np.inf, 4, 9, 14, 19, np.inf], labels=BANDS, right=True)
    out = pd.DataFrame({
        "respondent": df["respondent"],
        "total_value": total.map(lambda v: "" if np.isnan(v) else f"{v:.9f}".rstrip("0").rstrip(".")),
        "total_band": band.astype(object).where(band.notna(), ""),
        "flags": np.where(items["phq9_9"] > 0, "self_harm", ""),
    })
    out.to_csv(sys.stdout, index=False)


if __name__ == "__main__":
    main(sys.argv[1])
