// Lazy members of the plain objects the binding hands over (see src/convert.rs): the member
// is an ordinary enumerable property whose value is made from the Rust side's JSON text the
// first time it is read (then it is a plain data property; `JSON.stringify`, `structuredClone`
// and `postMessage` read it like any other). Written before it is read, the Rust value is freed.
export function defineLazy(target, key, handle) {
  const settle = (value) => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      return settle(JSON.parse(handle.take()));
    },
    set(value) {
      handle.free();
      settle(value);
    },
  });
}
