"""SciPy side of the `eis` benchmark: fits the same spectra with scipy.optimize.least_squares.

Reads the spectra file written by EisBench (lines: index,f,Z',Z''), the initial guess file (one line of values)
and fits p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3) to each spectrum with bounds as impedance.py sets them (>= 0, alpha <= 1)
and unit weights on stacked real/imaginary residuals (impedance.py's default). Prints JSON with the wall time of
the fitting loop and the fitted parameters.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import least_squares


def model(p, w):
    z = np.zeros_like(w, dtype=complex)
    for k in range(3):
        r, q, a = p[3 * k], p[3 * k + 1], p[3 * k + 2]
        zc = 1.0 / (q * (1j * w) ** a)
        z += 1.0 / (1.0 / r + 1.0 / zc)
    return z


def main():
    data = np.loadtxt(sys.argv[1], delimiter=",")
    p0 = np.loadtxt(sys.argv[2], delimiter=",")
    method = sys.argv[3] if len(sys.argv) > 3 else "trf"
    lower = np.zeros(9)
    upper = np.array([np.inf, np.inf, 1.0] * 3)
    spectra = []
    for idx in np.unique(data[:, 0]).astype(int):
        rows = data[data[:, 0] == idx]
        w = 2 * np.pi * rows[:, 1]
        spectra.append((w, np.hstack([rows[:, 2], rows[:, 3]])))
    results = []
    t0 = time.perf_counter()
    for w, y in spectra:
        def res(p, w=w, y=y):
            z = model(p, w)
            return np.hstack([z.real, z.imag]) - y
        if method == "lm":
            sol = least_squares(res, p0, method="lm")
        else:
            sol = least_squares(res, p0, bounds=(lower, upper), method="trf")
        results.append({"x": sol.x.tolist(), "cost": float(2 * sol.cost), "nfev": int(sol.nfev)})
    elapsed = time.perf_counter() - t0
    print(json.dumps({"seconds": elapsed, "method": method, "results": results}))


if __name__ == "__main__":
    main()
