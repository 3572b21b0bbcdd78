/**
 * Brent's method (R. P. Brent, "Algorithms for Minimization without Derivatives", 1973, ch. 4, `zero`): the root of
 * a continuous function on a bracket whose ends have opposite signs. It keeps the bracket of bisection, so it always
 * converges, and takes secant or inverse quadratic steps when they stay inside it, so it converges fast.
 */

/** A root of `f` in `[a, b]`, to within `tolerance` of the true root. */
export interface Root {
  x: number;
  /** `f(x)` at the root found. */
  fx: number;
  iterations: number;
}

/**
 * Finds `x` in `[a, b]` with `f(x) = 0`, given `f(a)` and `f(b)` of opposite signs (or one of them zero).
 * @returns the root, or `undefined` when `f(a)` and `f(b)` have the same sign (no bracket)
 */
export function brentRoot(
  f: (x: number) => number,
  a: number,
  b: number,
  tolerance = 1e-12,
  maxIterations = 200,
): Root | undefined {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return { x: a, fx: 0, iterations: 0 };
  if (fb === 0) return { x: b, fx: 0, iterations: 0 };
  if (Math.sign(fa) === Math.sign(fb) || Number.isNaN(fa) || Number.isNaN(fb)) return undefined;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      // The root lies between a and b: c takes a's place so that [b, c] brackets it.
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      // b is always the best estimate so far.
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return { x: b, fx: fb, iterations: iteration };
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when only two points are distinct, inverse quadratic otherwise.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return { x: b, fx: fb, iterations: maxIterations };
}
