// Values shared between requests (a cache's entries) are frozen all the way down, and remembered as such:
// whatever is derived from one of them alone, such as its JSON, stays right for as long as it lives, so the
// gateway serializes a cached product once instead of on every read of it.

const deeplyFrozen = new WeakSet<object>();

/** Freezes `value` and every object and array inside it, and records it as deeply frozen. */
export function deepFreeze<T extends object>(value: T): T {
  if (deeplyFrozen.has(value)) return value;
  for (const key of Reflect.ownKeys(value)) {
    const inner = (value as Record<PropertyKey, unknown>)[key];
    if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
  }
  Object.freeze(value);
  deeplyFrozen.add(value);
  return value;
}

/** True for a value `deepFreeze` froze: neither it nor anything inside it can change. */
export function isDeeplyFrozen(value: unknown): boolean {
  return typeof value === 'object' && value !== null && deeplyFrozen.has(value);
}
