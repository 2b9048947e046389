/**
 * PGlite's CommonJS build loads Node built-ins with `import("fs/promises")`; jest's CommonJS
 * runtime refuses dynamic imports unless node runs with --experimental-vm-modules. Rewriting
 * those calls (built-in module names only) to `require` lets plain `npx jest` start the
 * embedded database.
 */
const { builtinModules } = require('node:module');
const { createHash } = require('node:crypto');

const BUILTINS = new Set(builtinModules);
const IMPORT = /\bimport\(\s*(["'])([a-z_/:]+)\1\s*\)/g;

// Emscripten code declares its own local `require`, so the module's one is kept under a unique name.
const ALIAS = '__pacekeeperBuiltinRequire';

function rewrite(source) {
  const code = source.replace(IMPORT, (call, _quote, name) => {
    if (!BUILTINS.has(name.replace(/^node:/, ''))) return call;
    const module = JSON.stringify(name);
    return `Promise.resolve().then(() => { const m = ${ALIAS}(${module}); return { ...m, default: m }; })`;
  });
  if (code === source) return source;
  // After the "use strict" directive, which must stay first.
  const directive = /^\s*(["'])use strict\1;?/.exec(code)?.[0] ?? '';
  return `${directive}var ${ALIAS} = require;${code.slice(directive.length)}`;
}

module.exports = {
  process: (source) => ({ code: rewrite(source) }),
  getCacheKey: (source, path) =>
    createHash('sha256').update('builtin-import-v3').update(path).update(source).digest('hex'),
};
