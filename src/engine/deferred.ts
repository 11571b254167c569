/**
 * A property worked out when it is first read. The explanation of an appraisal is most of its cost (every month of
 * a risk-deposit ledger is a line in two languages) and many callers never read it (a score in a cell, a status
 * count). The property is an ordinary enumerable one as far as JSON, spreading and comparisons go; on first read
 * or write it becomes a plain data property in the same key position.
 *
 * The accessor functions are shared by every object (one pair per key) and the work still to do is looked up by
 * object, which costs a fraction of defining fresh closures on every result.
 */
interface Deferral {
  descriptor: PropertyDescriptor;
  pending: WeakMap<object, () => unknown>;
}

const deferrals = new Map<string, Deferral>();

function deferral(key: string): Deferral {
  let d = deferrals.get(key);
  if (d) return d;
  const pending = new WeakMap<object, () => unknown>();
  const settle = (target: object, value: unknown) => {
    pending.delete(target);
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  // The object that owns the pending work: itself, unless the property is read through a prototype.
  const owner = (start: object): object => {
    for (let o: object | null = start; o !== null; o = Object.getPrototypeOf(o)) if (pending.has(o)) return o;
    throw new Error(`deferred property ${key} has nothing to compute`);
  };
  d = {
    pending,
    descriptor: {
      get(this: object) {
        const target = owner(this);
        return settle(target, pending.get(target)!());
      },
      set(this: object, value: unknown) {
        settle(this, value);
      },
      enumerable: true,
      configurable: true,
    },
  };
  deferrals.set(key, d);
  return d;
}

export function deferredProperty<T extends object, K extends keyof T & string>(target: T, key: K, compute: () => T[K]): void {
  const d = deferral(key);
  d.pending.set(target, compute);
  Object.defineProperty(target, key, d.descriptor);
}
