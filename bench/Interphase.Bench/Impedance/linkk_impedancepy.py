#!/usr/bin/python3
"""impedance.py's lin-KK on an instrument file, as the reference for `eis validate`.

Reads FILE with impedance.py's own reader for INSTRUMENT (gamry, autolab, parstat, zplot, versastudio, powersuite,
biologic, chinstruments; or csv), drops the points with Z'' > 0 (ignoreBelowX), and runs linKK with its defaults
(c = 0.85, max_M = 100, complex fit, no added capacitance), as shared/tools/impedance.py/run.py does for CSV files.
Prints JSON: M, mu, points, and the largest residuals (percent).

usage: linkk_impedancepy.py IMPEDANCE_PY_DIR FILE INSTRUMENT
"""
import contextlib
import io
import json
import os
import sys
import warnings

sys.path[:0] = [sys.argv[1], os.path.join(sys.argv[1], 'stubs')]
warnings.filterwarnings('ignore')
import numpy as np  # noqa: E402
from impedance import preprocessing  # noqa: E402
from impedance.validation import linKK  # noqa: E402

path, instrument = sys.argv[2], sys.argv[3]
if instrument == 'csv':
    f, Z = preprocessing.readCSV(path)
else:
    f, Z = preprocessing.readFile(path, instrument=instrument)
f, Z = preprocessing.ignoreBelowX(f, Z)
with contextlib.redirect_stdout(io.StringIO()):  # linKK prints its progress
    M, mu, Zfit, rr, ri = linKK(f, Z, c=0.85, max_M=100, fit_type='complex', add_cap=False)
print(json.dumps({'M': int(M), 'mu': float(mu), 'points': int(len(f)),
                  'max_abs_residual_real_percent': float(100 * np.max(np.abs(rr))),
                  'max_abs_residual_imag_percent': float(100 * np.max(np.abs(ri)))}))
