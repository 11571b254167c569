/**
 * A value worked out once per pair of keys and kept: the first key an object held weakly (the settings in force, a
 * compiled rule), the second anything (a rule's params, a setting's name, a unit). Compiled rulebooks and resolved
 * settings never change, so an answer never goes stale, and it is collected with its first key. Every person and
 * month asks the same questions of them; this is what lets the engine keep up with a province.
 */
export class PairCache<A extends object, B, V> {
  private readonly byFirst = new WeakMap<A, Map<B, V>>();

  get(a: A, b: B, make: () => V): V {
    let inner = this.byFirst.get(a);
    if (!inner) {
      inner = new Map();
      this.byFirst.set(a, inner);
    }
    if (inner.has(b)) return inner.get(b) as V;
    const value = make();
    inner.set(b, value);
    return value;
  }
}
