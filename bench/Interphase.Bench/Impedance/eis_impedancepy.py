"""impedance.py side of the `eis` benchmark's hard-spectrum comparison.

Runs impedance.py's own CustomCircuit.fit (the source shipped in shared/tools/impedance.py, not a copy) on every
spectrum listed in a manifest, from the starting values given there, with its default unit weighting. Prints JSON:
per spectrum the fitted parameters and the unit-weighted residual sum of squares sum |Z_fit - Z|^2.

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
        try:
            c.fit(f, z)
            zf = c.predict(f)
            out.append({'parameters': [float(v) for v in c.parameters_], 'ssr': float(np.sum(np.abs(zf - z) ** 2))})
        except Exception as e:  # a failed SciPy fit counts as a loss for impedance.py, not a crash of the benchmark
            out.append({'parameters': None, 'ssr': float('inf'), 'error': str(e)})
    print(json.dumps({'seconds': time.perf_counter() - t0, 'results': out}))


if __name__ == '__main__':
    main()
