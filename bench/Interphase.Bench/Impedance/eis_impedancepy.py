"""impedance.py side of the `eis` benchmark's hard-spectrum comparison.

Runs impedance.py's own CustomCircuit.fit (the source shipped in shared/tools/impedance.py, not a copy) on every
spectrum listed in a manifest, from the starting values given there, with its default unit weighting. Prints JSON:
per spectrum the fitted parameters, the unit-weighted residual sum of squares sum |Z_fit - Z|^2 and the seconds the
fit took (the benchmark caches these per spectrum and runs several of these processes side by side).

usage: eis_impedancepy.py IMPEDANCE_PY_DIR MANIFEST.json
"""
import json
import os
import sys
import time
import warnings

sys.path[:0] = [sys.argv[1], os.path.join(sys.argv[1], 'stubs')]
warnings.filterwarnings('ignore')
import numpy as np  # noqa: E402
from impedance.models.circuits import CustomCircuit  # noqa: E402


def main():
    with open(sys.argv[2]) as fh:
        cases = json.load(fh)
    out = []
    t0 = time.perf_counter()
    for case in cases:
        data = np.loadtxt(case['file'], delimiter=',')
        f, z = data[:, 0], data[:, 1] + 1j * data[:, 2]
        c = CustomCircuit(case['circuit'], initial_guess=case['initial'])
        t = time.perf_counter()
        try:
            c.fit(f, z)
            zf = c.predict(f)
            out.append({'parameters': [float(v) for v in c.parameters_], 'ssr': float(np.sum(np.abs(zf - z) ** 2)),
                        'seconds': time.perf_counter() - t})
        except Exception as e:  # a failed SciPy fit counts as a loss for impedance.py, not a crash of the benchmark
            out.append({'parameters': None, 'ssr': None, 'error': str(e), 'seconds': time.perf_counter() - t})
    print(json.dumps({'seconds': time.perf_counter() - t0, 'results': out}))


if __name__ == '__main__':
    main()
