// The package's wasm linear memory, for memory measurements. wasm-bindgen's nodejs glue
// (pkg/connect_create_user_node.cjs) keeps its instance in a module-local `wasm` and exports no
// `memory`, so this wraps `WebAssembly.Instance` while the package loads and keeps the instances
// made. Call before the package is first loaded; the constructor is restored by `load`.

/** Loads the package with `load()` (an import or require) and returns { api, memory }. */
export async function loadWithMemory(load) {
  const Original = WebAssembly.Instance;
  const made = [];
  WebAssembly.Instance = new Proxy(Original, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget);
      made.push(instance);
      return instance;
    },
  });
  let api;
  try {
    api = await load();
  } finally {
    WebAssembly.Instance = Original;
  }
  const memory = made.map((i) => i.exports.memory).find((m) => m instanceof WebAssembly.Memory) ?? null;
  return { api, memory };
}
